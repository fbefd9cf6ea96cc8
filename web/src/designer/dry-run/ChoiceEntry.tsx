// One event the dry run's state allows: its inputs prefilled with samples (one compact editor per
// value, read as JSON when it is JSON, else as text, so the engine judges what a person typed) and
// its button(s): the choice's name, or 同意 / 不同意 / 退回 for a seat, 动作失败 beside 完成动作.
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DryRunAnswer, DryRunChoice, SampleInput } from './allowed-events.js';
import { choiceTitle, inputLabel, parseValue, showValue } from './dry-run-texts.js';

const inputsOf = (choice: DryRunChoice): SampleInput[] => ('inputs' in choice ? choice.inputs : []);
const formName = (key: string) => `dry-run-${key.replace(/\W/g, '-')}`;

export function ChoiceEntry({
  choice,
  onAnswer,
}: {
  choice: DryRunChoice;
  onAnswer: (choice: DryRunChoice, answer: DryRunAnswer) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  const title = choiceTitle(choice, t);
  const inputs = inputsOf(choice);
  const answer = async (extra: Omit<DryRunAnswer, 'values'> = {}) => {
    // A form without inputs is not mounted; a refused validation shows its messages at the inputs.
    const texts = inputs.length > 0 ? await form.validateFields().catch(() => undefined) : {};
    if (!texts) return;
    const values = Object.fromEntries(
      inputs.map((input) => [input.name, parseValue(texts[input.name] ?? '', input.text)]),
    );
    onAnswer(choice, { values, ...extra });
  };
  const initialValues = Object.fromEntries(inputs.map((input) => [input.name, showValue(input.sample)]));

  return (
    <div className="sgf-dry-run-choice" role="group" aria-label={title}>
      {inputs.length > 0 && (
        <Form
          form={form}
          name={formName(choice.key)}
          layout="vertical"
          size="small"
          initialValues={initialValues}
        >
          {inputs.map((input) => (
            <Form.Item
              key={input.name}
              name={input.name}
              label={inputLabel(choice, input, t)}
              // Only the start form checks required values itself; elsewhere the engine is the judge.
              rules={[
                {
                  required: choice.kind === 'start' && input.required,
                  message: t('designer.dryRun.required'),
                },
              ]}
            >
              <Input className="sgf-dry-run-value" />
            </Form.Item>
          ))}
        </Form>
      )}
      <Flex wrap gap="small">
        {choice.kind === 'vote' ? (
          <>
            <span>{title}</span>
            {choice.votes.map((vote) => (
              // Without antd's space between two Chinese characters the names stay 同意 / 不同意 / 退回.
              <Button key={vote} size="small" autoInsertSpace={false} onClick={() => void answer({ vote })}>
                {t(`designer.dryRun.votes.${vote}`)}
              </Button>
            ))}
          </>
        ) : (
          <Button
            size="small"
            type={choice.kind === 'cancel' ? 'default' : 'primary'}
            danger={choice.kind === 'cancel'}
            onClick={() => void answer()}
          >
            {title}
          </Button>
        )}
        {choice.kind === 'action' && choice.canFail && (
          <Button size="small" danger onClick={() => void answer({ fail: true })}>
            {t('designer.dryRun.choice.actionFailed', { name: choice.nodeName })}
          </Button>
        )}
      </Flex>
    </div>
  );
}
