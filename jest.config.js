/**
 * One jest run, four projects. `npm test` runs them all; `npm run test:unit` etc. run one.
 * TypeScript is stripped by SWC (fast); type errors are caught by `tsc --noEmit` in `npm test`.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const ESM_ONLY = [
  'jose',
  'strip-bom',
  'react-markdown',
  'rehype-[^/]+',
  'remark-[^/]+',
  'unified',
  'micromark[^/]*',
  'mdast-[^/]+',
  'hast-[^/]+',
  'unist-[^/]+',
  'vfile[^/]*',
  'estree-util-[^/]+',
  '@ungap/structured-clone',
  'bail',
  'ccount',
  'character-entities[^/]*',
  'character-reference-invalid',
  'comma-separated-tokens',
  'decode-named-character-reference',
  'devlop',
  'html-url-attributes',
  'is-alphabetical',
  'is-alphanumerical',
  'is-decimal',
  'is-hexadecimal',
  'is-plain-obj',
  'longest-streak',
  'parse-entities',
  'property-information',
  'space-separated-tokens',
  'stringify-entities',
  'trim-lines',
  'trough',
  'zwitch',
];
const base = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts?(x)`],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages that jest must transform to run under CommonJS: jose, strip-bom, and
  // react-markdown and rehype-sanitize with their unified/remark/micromark/mdast/hast dependencies.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
  ...extra,
});
module.exports = {
  // Fluid's socket.io clients keep reconnect timers after dispose(); without this jest would not exit.
  forceExit: true,
  // testTimeout is a global option in jest 30 (ignored per project); browser and live tests need it.
  testTimeout: 90000,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
  projects: [base('unit'), base('contract'), base('integration'), base('e2e')],
};
