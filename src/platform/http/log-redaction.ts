/** Credentials never reach the logs; personal data is kept out of log calls by the modules themselves. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];
