// Names shared by the global setup and the per-file helpers.
export const TEMPLATE_DATABASE = 'sgf_test_template';
export const testEnv = { adminUrl: 'SGF_TEST_ADMIN_URL' } as const;
