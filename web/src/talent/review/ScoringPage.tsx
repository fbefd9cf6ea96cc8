// 评分: one assigned application's material on the left (never the identity number or phone; in
// the blind phase neither name nor employer), the round's rubric on the right with each criterion's
// weight and maximum: 保存草稿, 提交评分 (confirmed; locks the scores), 声明回避 with a reason; after
// submitting, the reviewer's weighted score and, once allowed, the other reviewers' scores. Below the
// material, the application's documents (证明材料), hidden in a blind round.
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ELDERLY_CARE_WORKER_LEVELS,
  SOCIAL_WORK_FIELDS,
  SOCIAL_WORKER_LEVELS,
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
} from '../../../../workflows/talent/talent-vocabulary';
import { describeProblem } from '../../api/client';
import { useFormProblem } from '../../ui/use-form-problem';
import { CandidateName } from './MyReviewsPage';
import { ReviewDocuments } from './ReviewDocuments';
import { type ReviewMaterial, useDeclareConflict, useReviewMaterial, useSaveScores } from './review-hooks';

type Labelled = { key: string; zh: string; en: string };
const UNIT_TYPES: Labelled[] = [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES];
const CERTIFICATE_LEVELS: Record<string, readonly Labelled[]> = {
  social_worker: SOCIAL_WORKER_LEVELS,
  elderly_care_worker: ELDERLY_CARE_WORKER_LEVELS,
};
const CERTIFICATE_KINDS: Record<string, Omit<Labelled, 'key'>> = {
  social_worker: { zh: '社会工作者职业资格', en: 'social worker qualification' },
  elderly_care_worker: { zh: '养老护理员', en: 'elderly-care worker' },
  elderly_care_management_training: {
    zh: '养老管理培训考核合格',
    en: 'elderly-care management training passed',
  },
};

export function ScoringPage() {
  const { t } = useTranslation();
  const applicationId = useParams().applicationId ?? '';
  const material = useReviewMaterial(applicationId);
  if (material.error)
    return (
      <Card>
        <Flex vertical gap="middle">
          <Link to="/talent/reviews">{t('talentReview.myReviews')}</Link>
          <Alert type="error" showIcon message={describeProblem(material.error, t)} />
        </Flex>
      </Card>
    );
  if (!material.data) return <Card loading />;
  return <Scoring applicationId={applicationId} material={material.data} />;
}

function Scoring({ applicationId, material }: { applicationId: string; material: ReviewMaterial }) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  const label = (item: Omit<Labelled, 'key'> | undefined, fallback: string) =>
    item ? (chinese ? item.zh : item.en) : fallback;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ criteria: Record<string, number | null> }>();
  const problem = useFormProblem(form, ['criteria']);
  const save = useSaveScores(applicationId);
  const [declaring, setDeclaring] = useState(false);
  const c = material.candidate;
  const totalWeight = material.rubric.reduce((sum, r) => sum + r.weight, 0);

  const send = (submit: boolean) => {
    problem.clear();
    const values = form.getFieldsValue();
    const criteria = Object.fromEntries(
      Object.entries(values.criteria ?? {}).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number',
      ),
    );
    save.mutate(
      { criteria, submit },
      {
        onSuccess: () =>
          void message.success(t(submit ? 'talentReview.scoresSubmitted' : 'talentReview.draftSaved')),
        onError: problem.show,
      },
    );
  };

  return (
    <Card
      title={
        <h1 className="sgf-card-title">
          <CandidateName candidate={c} />
        </h1>
      }
    >
      <Flex vertical gap="middle">
        <Link to="/talent/reviews">{t('talentReview.myReviews')}</Link>
        {c.masked && <Alert type="info" showIcon message={t('talentReview.blindNotice')} />}
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Typography.Title level={5} className="sgf-section-title">
              {t('talentReview.material')}
            </Typography.Title>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'round', label: t('talentReview.round'), children: material.round.title },
                {
                  key: 'candidate',
                  label: t('talentReview.candidate'),
                  children: <CandidateName candidate={c} />,
                },
                {
                  key: 'employer',
                  label: t('talentReview.employer'),
                  children: c.employerName ?? t('talentReview.masked'),
                },
                { key: 'gender', label: t('talentReview.gender'), children: t(`talent.genders.${c.gender}`) },
                { key: 'birthYear', label: t('talentReview.birthYear'), children: c.birthYear },
                {
                  key: 'unitType',
                  label: t('talentReview.unitType'),
                  children: label(
                    UNIT_TYPES.find((u) => u.key === c.unitType),
                    c.unitType,
                  ),
                },
                {
                  key: 'field',
                  label: t('talentReview.field'),
                  children: label(
                    SOCIAL_WORK_FIELDS.find((f) => f.key === c.field),
                    c.field,
                  ),
                },
                {
                  key: 'elderly',
                  label: t('talentReview.elderlyServices'),
                  children: c.elderlyServices ? t('talentReview.yes') : t('talentReview.no'),
                },
                { key: 'since', label: t('talentReview.since'), children: c.socialWorkSince },
                { key: 'years', label: t('talentReview.years'), children: c.socialWorkYears },
                {
                  key: 'certificates',
                  label: t('talentReview.certificates'),
                  children: c.certificates
                    .map((cert) =>
                      [
                        label(CERTIFICATE_KINDS[cert.kind], cert.kind),
                        cert.level
                          ? label(
                              CERTIFICATE_LEVELS[cert.kind]?.find((l) => l.key === cert.level),
                              cert.level,
                            )
                          : null,
                        cert.issuedOn,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    )
                    .join('；'),
                },
              ]}
            />
            <ReviewDocuments applicationId={applicationId} blind={material.round.blindPhase} />
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={5} className="sgf-section-title">
              {t('talentReview.rubric')}
            </Typography.Title>
            {problem.alert}
            <Form
              form={form}
              layout="vertical"
              disabled={material.submitted}
              initialValues={{ criteria: material.criteria }}
            >
              {material.rubric.map((criterion) => (
                <Form.Item
                  key={criterion.key}
                  name={['criteria', criterion.key]}
                  label={t('talentReview.criterionLabel', {
                    label: chinese ? criterion.label.zh : criterion.label.en,
                    weight: Math.round((criterion.weight / totalWeight) * 1000) / 10,
                    max: criterion.maxScore,
                  })}
                  // A Typography text: the extra's own grey fails the contrast check (axe).
                  extra={
                    criterion.guidance ? (
                      <Typography.Text>
                        {chinese ? criterion.guidance.zh : criterion.guidance.en}
                      </Typography.Text>
                    ) : undefined
                  }
                >
                  <InputNumber min={0} max={criterion.maxScore} style={{ width: '100%' }} />
                </Form.Item>
              ))}
            </Form>
            {material.submitted ? (
              <Alert type="success" showIcon message={t('talentReview.locked')} />
            ) : (
              <Flex gap="small" wrap>
                <Button loading={save.isPending} onClick={() => send(false)}>
                  {t('talentReview.saveDraft')}
                </Button>
                <Popconfirm
                  title={t('talentReview.confirmSubmit')}
                  okText={t('talentReview.submitScores')}
                  cancelText={t('ui.cancel')}
                  onConfirm={() => send(true)}
                >
                  <Button type="primary" loading={save.isPending}>
                    {t('talentReview.submitScores')}
                  </Button>
                </Popconfirm>
                <Button danger onClick={() => setDeclaring(true)}>
                  {t('talentReview.declareConflict')}
                </Button>
              </Flex>
            )}
          </Col>
        </Row>
        {material.submitted && <Scores material={material} />}
      </Flex>
      {declaring && (
        <ConflictDialog
          applicationId={applicationId}
          onClose={() => setDeclaring(false)}
          onDeclared={() => {
            void message.success(t('talentReview.conflictDeclared'));
            void navigate('/talent/reviews');
          }}
        />
      )}
    </Card>
  );
}

function Scores({ material }: { material: ReviewMaterial }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small">
      <Descriptions
        bordered
        size="small"
        items={[{ key: 'own', label: t('talentReview.ownScore'), children: material.ownScore?.toFixed(2) }]}
      />
      {material.otherScores === null ? (
        <Alert type="info" showIcon message={t('talentReview.othersHidden')} />
      ) : (
        <Table
          size="small"
          aria-label={t('talentReview.otherScores')}
          rowKey={(s) => s.reviewerName}
          dataSource={material.otherScores}
          pagination={false}
          columns={[
            { key: 'reviewer', title: t('talentReview.reviewer'), dataIndex: 'reviewerName' },
            {
              key: 'score',
              title: t('talentReview.weightedScore'),
              render: (_v, s) => s.score.toFixed(2),
            },
          ]}
        />
      )}
    </Flex>
  );
}

function ConflictDialog({
  applicationId,
  onClose,
  onDeclared,
}: {
  applicationId: string;
  onClose: () => void;
  onDeclared: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const problem = useFormProblem(form, ['reason']);
  const declare = useDeclareConflict(applicationId);
  return (
    <Modal
      open
      title={t('talentReview.declareConflict')}
      okText={t('talentReview.declareConflict')}
      cancelText={t('ui.cancel')}
      confirmLoading={declare.isPending}
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then(({ reason }) => declare.mutate(reason, { onSuccess: onDeclared, onError: problem.show }))
      }
    >
      <Flex vertical gap="middle">
        <Alert type="warning" showIcon message={t('talentReview.conflictHelp')} />
        {problem.alert}
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('talentReview.conflictReason')}
            rules={[{ required: true, whitespace: true, message: t('talentReview.conflictReason') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
