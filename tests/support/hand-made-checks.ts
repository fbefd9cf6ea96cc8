// CHECK constraints the migrations make that schema.prisma cannot declare (the talent tables'
// invariants, 20261124050000_talent_data; an attachment's one subject,
// 20261126030000_talent_application_documents). The schema-drift test leaves them out of the comparison
// with schema.prisma and checks them here instead, exactly.
export const handMadeChecks = [
  'attachment attachment_one_subject CHECK (((instance_id IS NULL) <> (talent_application_id IS NULL)))',
  'talent_allowance_entry talent_allowance_entry_sane CHECK (((term_year >= 1) AND ((months >= 0) AND (months <= 12)) AND (amount_yuan >= (0)::numeric)))',
  'talent_application talent_application_override_complete CHECK ((((override_result IS NULL) = (override_reason IS NULL)) AND ((override_result IS NULL) = (override_by_id IS NULL)) AND ((override_result IS NULL) = (override_at IS NULL)) AND ((override_reason IS NULL) OR (length(btrim(override_reason)) > 0))))',
  'talent_dossier talent_dossier_years_not_negative CHECK ((social_work_years >= (0)::numeric))',
  'talent_leading_decision talent_leading_decision_subject CHECK ((((subject = \'list\'::"TalentLeadingSubject") AND (round_id IS NOT NULL) AND (talent_id IS NULL)) OR ((subject = \'revocation\'::"TalentLeadingSubject") AND (talent_id IS NOT NULL) AND (round_id IS NULL))))',
  'talent_round talent_round_window_order CHECK ((window_ends_on >= window_starts_on))',
  'talent_score talent_score_raw_not_negative CHECK ((raw >= (0)::numeric))',
];
