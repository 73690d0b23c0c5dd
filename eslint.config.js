// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsdoc from 'eslint-plugin-jsdoc';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'docs/api/', 'coverage/', 'node_modules/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Indexed access in typed-array loops is checked by the loop bounds; `!` says so without a runtime cost.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/_internal/**'],
    plugins: { jsdoc },
    settings: { jsdoc: { mode: 'typescript', tagNamePreference: { template: 'typeParam' } } },
    rules: {
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: { FunctionDeclaration: true },
          contexts: [
            'TSInterfaceDeclaration',
            'TSTypeAliasDeclaration',
            'ExportNamedDeclaration > VariableDeclaration',
          ],
        },
      ],
      'jsdoc/require-example': ['error', { contexts: ['ExportNamedDeclaration > FunctionDeclaration'] }],
      'jsdoc/check-tag-names': [
        'error',
        { definedTags: ['category', 'defaultValue', 'remarks', 'typeParam'] },
      ],
      'jsdoc/require-hyphen-before-param-description': 'error',
      'jsdoc/require-param': [
        'error',
        { checkDestructured: false, contexts: ['ExportNamedDeclaration > FunctionDeclaration'] },
      ],
      'jsdoc/check-param-names': ['error', { checkDestructured: false }],
      'jsdoc/no-types': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      'no-console': 'error',
      // "Today" is always a parameter and results are deterministic: no clocks or randomness in the library.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass "today" in as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass "today" in as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The library is deterministic.',
        },
      ],
    },
  },
  {
    // Core rules trust their input: only the edge (io, policy definition) runs zod at runtime.
    files: ['src/{sessions,codes,calendar,windows,penalties,lateness,absence}/**/*.ts'],
    ignores: ['src/**/schema.ts', 'src/**/define*.ts', 'src/**/safeDefine*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: 'Validate at the edge (io/, policy/define*), not in core rules.',
              allowTypeImports: true,
            },
            {
              name: 'zod/mini',
              message: 'Validate at the edge (io/, policy/define*), not in core rules.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  prettier
);
