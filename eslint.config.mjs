// ESLint with typescript-eslint: a small, strict rule set, each rule for a mistake this code base
// can make (`npm run lint`, run by `npm test`). Layers are dependency-cruiser's job
// (.dependency-cruiser.cjs); unused exports, files and dependencies are knip's (knip.json).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'schema/', 'bench/', 'coverage/', 'test/artifacts/', 'node_modules/', 'examples/library.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error (and, in the CLI, its exit code).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A switch over a union handles every member (a new format, kind or category is not silently skipped).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Types only where types are meant: imports that are only types say so (the bundle drops them).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
      'no-var': 'error',
      'no-throw-literal': 'error',
    },
  },
  {
    // Data goes to stdout through the Terminal, diagnostics to stderr through note(): never console.
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      // push(...items) passes each item as an argument: a list as long as a large run's notices
      // overflows the call stack (core/append-all.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement",
          message: 'push(...items) overflows the call stack for a long list: use appendAll (core/append-all.ts)',
        },
      ],
    },
  },
  {
    // core and report are pure: they never read the process's state (environment, arguments, cwd).
    files: ['src/core/**/*.ts', 'src/report/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'process', message: 'core and report are pure: take it as an option' }] },
  },
);
