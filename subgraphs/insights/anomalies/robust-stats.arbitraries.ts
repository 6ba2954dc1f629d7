// Test support only: lists of amounts in minor units, from a handful of tied values (where the
// medians and MADs of even counts fall on halves and quarters) to amounts beyond a double's precision.
import fc from "fast-check";

const amount = fc.oneof(
  fc.bigInt({ min: -20n, max: 20n }),
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
);

export const amounts = fc.array(amount, { minLength: 1, maxLength: 60 });
export const shift = fc.oneof(fc.bigInt({ min: -1_000n, max: 1_000n }), fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }));
