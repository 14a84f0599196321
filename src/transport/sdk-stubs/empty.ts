// Stands in for bowser, which the SDK imports only to parse a browser's user agent: never on Node.
export const parse = (): undefined => undefined;
export default { parse };
