import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'prop', include: ['test/**/*.test-prop.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: ['test/**/*.test-d.ts'],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'] },
        },
      },
    ],
  },
});
