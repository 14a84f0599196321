// Stands in for node:zlib where the SDK wants it only for a native CRC32 checksum, which a
// Cognito call never computes: without it the SDK falls back to its JavaScript CRC32, and no
// run pays for loading zlib.
export {};
