export function commonSecurityHeaders(options: { production: boolean }): { key: string; value: string }[];
