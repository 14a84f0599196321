// Service errors in the shape Cognito puts on the wire, plus the request-validation messages
// its front end produces, so clients see the same codes and texts they would in production.

export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string): CognitoError =>
  new CognitoError('InvalidParameterException', message);

export const notAuthorized = (message: string): CognitoError =>
  new CognitoError('NotAuthorizedException', message);

export const poolNotFound = (poolId: string): CognitoError =>
  new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);

export const clientNotFound = (clientId: string): CognitoError =>
  new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);

export const userNotFound = (): CognitoError =>
  new CognitoError('UserNotFoundException', 'User does not exist.');

export const serialization = (message: string): CognitoError =>
  new CognitoError('SerializationException', message);

export type Input = Record<string, unknown>;

// Real validation failures are reported all at once ("2 validation errors detected: ...; ..."),
// with member names in lower camel case, so checks accumulate here and are thrown together.
export class Validator {
  private readonly problems: string[] = [];

  constructor(private readonly input: Input) {}

  private static memberLabel(member: string): string {
    return member.charAt(0).toLowerCase() + member.slice(1);
  }

  private static show(value: unknown): string {
    return value === undefined || value === null ? 'null' : `'${String(value)}'`;
  }

  private fail(member: string, value: unknown, constraint: string): void {
    this.problems.push(
      `Value ${Validator.show(value)} at '${Validator.memberLabel(member)}' failed to satisfy constraint: ${constraint}`,
    );
  }

  // Wrong JSON types never reach validation in the real service: its deserializer rejects them.
  private raw(member: string, kind: 'string' | 'number' | 'boolean' | 'object' | 'array'): unknown {
    const value = this.input[member];
    if (value === undefined || value === null) return undefined;
    const ok =
      kind === 'array' ? Array.isArray(value)
        : kind === 'object' ? typeof value === 'object' && !Array.isArray(value)
          : typeof value === kind;
    if (!ok) throw serialization(`Unexpected value type for member ${member}: expected ${kind}`);
    return value;
  }

  string(
    member: string,
    rules: { required?: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string; enum?: readonly string[] } = {},
  ): string | undefined {
    const value = this.raw(member, 'string') as string | undefined;
    if (value === undefined) {
      if (rules.required) this.fail(member, value, 'Member must not be null');
      return undefined;
    }
    // Lengths are counted in code points, as the service model defines them.
    const length = [...value].length;
    if (rules.min !== undefined && length < rules.min) {
      this.fail(member, value, `Member must have length greater than or equal to ${rules.min}`);
    } else if (rules.max !== undefined && length > rules.max) {
      this.fail(member, value, `Member must have length less than or equal to ${rules.max}`);
    } else if (rules.pattern && !rules.pattern.test(value)) {
      this.fail(member, value, `Member must satisfy regular expression pattern: ${rules.patternText ?? rules.pattern.source}`);
    } else if (rules.enum && !rules.enum.includes(value)) {
      this.fail(member, value, `Member must satisfy enum value set: [${rules.enum.join(', ')}]`);
    }
    return value;
  }

  integer(member: string, rules: { min?: number; max?: number } = {}): number | undefined {
    const value = this.raw(member, 'number') as number | undefined;
    if (value === undefined) return undefined;
    if (rules.min !== undefined && value < rules.min) {
      this.fail(member, value, `Member must have value greater than or equal to ${rules.min}`);
    } else if (rules.max !== undefined && value > rules.max) {
      this.fail(member, value, `Member must have value less than or equal to ${rules.max}`);
    }
    return value;
  }

  boolean(member: string): boolean | undefined {
    return this.raw(member, 'boolean') as boolean | undefined;
  }

  stringMap(member: string): Record<string, string> | undefined {
    const value = this.raw(member, 'object') as Record<string, unknown> | undefined;
    if (value === undefined) return undefined;
    for (const v of Object.values(value)) {
      if (typeof v !== 'string') throw serialization(`Unexpected value type in map ${member}: expected string`);
    }
    return value as Record<string, string>;
  }

  stringList(member: string): string[] | undefined {
    const value = this.raw(member, 'array') as unknown[] | undefined;
    if (value === undefined) return undefined;
    if (!value.every((v) => typeof v === 'string')) {
      throw serialization(`Unexpected value type in list ${member}: expected string`);
    }
    return value as string[];
  }

  attributeList(member: string): Array<{ Name: string; Value: string }> | undefined {
    const value = this.raw(member, 'array') as unknown[] | undefined;
    if (value === undefined) return undefined;
    return value.map((entry) => {
      if (typeof entry !== 'object' || entry === null) {
        throw serialization(`Unexpected value type in list ${member}: expected structure`);
      }
      const { Name, Value } = entry as { Name?: unknown; Value?: unknown };
      if (typeof Name !== 'string' || (Value !== undefined && typeof Value !== 'string')) {
        throw serialization(`Unexpected value type in ${member}: Name and Value must be strings`);
      }
      return { Name, Value: Value ?? '' };
    });
  }

  done(): void {
    if (this.problems.length === 0) return;
    const n = this.problems.length;
    throw invalidParameter(
      `${n} validation error${n === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`,
    );
  }
}

// Constraints from the service model that most operations share.
export const USER_POOL_ID = { required: true, min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/, patternText: '[\\w-]+_[0-9a-zA-Z]+' } as const;
export const USERNAME = { required: true, min: 1, max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' } as const;
export const CLIENT_ID = { required: true, min: 1, max: 128, pattern: /^[\w+]+$/, patternText: '[\\w+]+' } as const;
