/** Every region of every partition of the AWS SDK's partition data, in the SDK's order. */
export function sdkRegions(): string[];
