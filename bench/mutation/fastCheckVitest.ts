import fc from 'fast-check';
import type { Arbitrary, IAsyncProperty, Parameters } from 'fast-check';
import { test as vitestTest } from 'vitest';

// Stands in for `@fast-check/vitest` under Stryker only (vitest.stryker.config.ts aliases it here). That package
// builds its `test` by walking every chain of vitest's test modifiers when it is imported, which takes about 2 s;
// Stryker starts a fresh vitest worker for each mutant, so over 7,000 mutants the import alone cost hours. This
// keeps the one form the tests use, `test.prop([arbitraries] | { name: arbitrary }, parameters?)(name, body)`, on
// fast-check's own `assert` with the same global configuration (seed and runs), so a property fails here exactly
// when it fails under `npm test`.

type Body = (...values: unknown[]) => unknown;

// fast-check types a property by the tuple of its arbitraries; here their number is only known at run time.
const asyncProperty = fc.asyncProperty as unknown as (...args: unknown[]) => IAsyncProperty<unknown>;

function prop(
  arbitraries: readonly Arbitrary<unknown>[] | Readonly<Record<string, Arbitrary<unknown>>>,
  parameters?: Parameters<unknown>
) {
  return (name: string, body: Body, timeout?: number): void => {
    const arguments_: unknown[] = Array.isArray(arbitraries)
      ? [...(arbitraries as readonly Arbitrary<unknown>[])]
      : [fc.record(arbitraries as Readonly<Record<string, Arbitrary<unknown>>>)];
    vitestTest(
      name,
      async () => {
        await fc.assert(
          asyncProperty(...arguments_, (...values: unknown[]) => Promise.resolve(body(...values))),
          parameters
        );
      },
      timeout
    );
  };
}

export { fc };
type PropTest = typeof vitestTest & { prop: typeof prop };

export const test: PropTest = new Proxy(vitestTest, {
  get: (target, key, receiver): unknown => (key === 'prop' ? prop : Reflect.get(target, key, receiver)),
}) as PropTest;
export const it: PropTest = test;
