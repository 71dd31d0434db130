/**
 * One jest run, four projects. `npm test` runs them all; `npm run test:unit` etc. run one.
 * TypeScript is stripped by SWC (fast); type errors are caught by `tsc --noEmit` in `npm test`.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const base = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts?(x)`],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages that jest must transform to run under CommonJS.
  // The unified family (mdast-util-to-markdown and what it and mdast-util-from-markdown import) is ESM-only.
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|strip-bom|mdast-util-[^/]+|micromark[^/]*|unist-util-[^/]+|decode-named-character-reference|character-entities[^/]*|zwitch|longest-streak|devlop|ccount)/)',
  ],
  testEnvironment: 'node',
  ...extra,
});
module.exports = {
  // Fluid's socket.io clients keep reconnect timers after dispose(); without this jest would not exit.
  forceExit: true,
  // testTimeout is a global option in jest 30 (ignored per project); browser and live tests need it.
  testTimeout: 90000,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
  projects: [
    base('unit'),
    base('contract'),
    base('integration'),
    base('e2e'),
  ],
};
