// The product's logo and bilingual name, used in the header and on the login page.
import { Typography } from 'antd';

export function ProductLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="currentColor" />
      <circle cx="20" cy="22" r="7" fill="#fff" />
      <circle cx="44" cy="22" r="7" fill="#fff" />
      <circle cx="32" cy="44" r="7" fill="#fff" />
      <path d="M20 22L32 44L44 22" stroke="#fff" strokeWidth="4" fill="none" strokeLinejoin="round" />
    </svg>
  );
}

/** The name always reads 社工流程 Shegong Flow, whatever the interface language. */
export function ProductName({ level }: { level: 3 | 4 | 5 }) {
  return (
    <Typography.Title level={level} className="sgf-product-name">
      社工流程 <span className="sgf-product-name-latin">Shegong Flow</span>
    </Typography.Title>
  );
}
