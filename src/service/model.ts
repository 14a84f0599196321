// Reading a service model (botocore's service-2.json form, see cognito-idp.ts) the way botocore
// and the AWS CLI read it, so that nothing else in cogsignout holds a fact about an operation:
// member names become option names by botocore's xform_name, a member's documentation overview
// is the AWS CLI's get_shape_doc_overview, and a member reference's traits (its documentation)
// sit over those of the shape it names. Only what cogsignout's operation reaches is read: flat
// input structures of string members (botocore's scalars beyond str, nested structures, lists
// and maps are refused when the model is read, not half-handled at run time).
import { COGNITO_IDP } from './cognito-idp.js';

/** A member of a structure: the shape it has, and the documentation of this use of it. */
export interface ShapeRef {
  readonly shape: string;
  readonly documentation?: string;
}

export interface StringShape {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
  readonly documentation?: string;
}

export interface StructureShape {
  readonly type: 'structure';
  readonly required?: readonly string[];
  readonly members: Readonly<Record<string, ShapeRef>>;
  readonly sensitive?: boolean;
  readonly documentation?: string;
  /** An error shape (a `fault` is the service's own). */
  readonly exception?: boolean;
  readonly fault?: boolean;
  /** The error code, where it is not the shape's name. */
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean };
}

export type Shape = StringShape | StructureShape;

export interface OperationEntry {
  readonly name: string;
  readonly http: { readonly method: string; readonly requestUri: string };
  readonly input: { readonly shape: string };
  readonly output?: { readonly shape: string };
  readonly errors?: readonly { readonly shape: string }[];
  readonly documentation: string;
}

export interface ServiceModel {
  readonly metadata: {
    readonly apiVersion: string;
    readonly endpointPrefix: string;
    readonly jsonVersion?: string;
    readonly protocol: string;
    readonly serviceFullName: string;
    readonly serviceId: string;
    readonly signatureVersion: string;
    readonly targetPrefix?: string;
    readonly uid?: string;
  };
  readonly operations: Readonly<Record<string, OperationEntry>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

/** One member of an operation's input or output, with everything the CLI derives from it. */
export interface MemberModel {
  /** The member name (the JSON key). */
  readonly name: string;
  /** The CLI option: `--` and xform_name(name, '-'). */
  readonly option: string;
  /** The argument's py_name, as the AWS CLI's debug log names it: xform_name(name, '_'). */
  readonly pyName: string;
  readonly type: 'string';
  readonly required: boolean;
  /** The shape's `min`, as the help page lists it. */
  readonly min?: number;
  /** The least length botocore's check lets through (0 when the model sets no `min`). */
  readonly minLength: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly sensitive: boolean;
  /** The documentation HTML, as the model has it. */
  readonly documentation: string;
  /** The first sentence of the documentation without markup (the YAML skeleton's comment). */
  readonly summary: string;
}

export interface OperationModel {
  /** The API name, e.g. AdminUserGlobalSignOut. */
  readonly name: string;
  /** The CLI command: xform_name(name, '-'). */
  readonly cliName: string;
  readonly documentation: string;
  readonly input: readonly MemberModel[];
  readonly output: readonly MemberModel[];
  /** The errors the model declares, by the code a response carries, with their members' names. */
  readonly errors: readonly ErrorModel[];
  readonly service: ServiceModel;
}

export interface ErrorModel {
  readonly code: string;
  readonly members: readonly string[];
}

const SPECIAL_CASE = /[A-Z]{2,}s$/;
const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;

/** botocore.xform_name: CamelCase to a separated lower-case name (`ListUserARNs` → `list_user_arns`). */
export function xformName(name: string, sep = '_'): string {
  if (name.includes(sep)) return name;
  let n = name;
  const special = SPECIAL_CASE.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
  return n.replace(FIRST_CAP, `$1${sep}$2`).replace(END_CAP, `$1${sep}$2`).toLowerCase();
}

/**
 * awscli.customizations.utils.get_shape_doc_overview: the text of the documentation (tags
 * dropped, entities decoded) up to the first `.` or `:`, with a full stop, on one line.
 */
export function docOverview(html: string): string {
  const text = decodeEntities(html.replace(/<[^>]*>/g, ''));
  const first = text.split(/[.:]+/, 1)[0] as string;
  return (first === '' ? '' : `${first}.`).replace(/[\n\u2028]/g, ' ');
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

function shapeOf(service: ServiceModel, name: string): Shape {
  const shape = service.shapes[name];
  if (shape === undefined) throw new Error(`service model: no shape ${name}`);
  return shape;
}

function membersOf(service: ServiceModel, structureName: string | undefined): MemberModel[] {
  if (structureName === undefined) return [];
  const structure = shapeOf(service, structureName);
  if (structure.type !== 'structure') throw new Error(`service model: ${structureName} is no structure`);
  const required = structure.required ?? [];
  return Object.entries(structure.members).map(([name, ref]) => {
    const shape = shapeOf(service, ref.shape);
    if (shape.type !== 'string') throw new Error(`service model: member ${structureName}.${name} is a ${shape.type}; only string members are modelled`);
    // An enum changes the skeleton (its first value) and the help (the choices): not modelled yet.
    if (shape.enum !== undefined) throw new Error(`service model: member ${structureName}.${name} is an enum; enums are not modelled`);
    const documentation = ref.documentation ?? shape.documentation ?? '';
    // Help, completion, the prompt and skeletons read it; worked out on first read, since the
    // model is read on every start.
    let summary: string | undefined;
    return {
      name,
      option: `--${xformName(name, '-')}`,
      pyName: xformName(name, '_'),
      type: shape.type,
      required: required.includes(name),
      ...(shape.min === undefined ? {} : { min: shape.min }),
      minLength: shape.min ?? 0,
      ...(shape.max === undefined ? {} : { max: shape.max }),
      ...(shape.pattern === undefined ? {} : { pattern: shape.pattern }),
      sensitive: shape.sensitive === true,
      documentation,
      get summary() { return summary ??= docOverview(documentation); },
    };
  });
}

/** An operation of a service model, read once into the form the CLI derives everything from. */
export function operationModel(service: ServiceModel, name: string): OperationModel {
  const entry = service.operations[name];
  if (entry === undefined) throw new Error(`service model: no operation ${name}`);
  return {
    name: entry.name,
    cliName: xformName(entry.name, '-'),
    documentation: entry.documentation,
    input: membersOf(service, entry.input.shape),
    output: membersOf(service, entry.output?.shape),
    errors: (entry.errors ?? []).map(({ shape: name }) => {
      const shape = shapeOf(service, name);
      if (shape.type !== 'structure') throw new Error(`service model: error ${name} is no structure`);
      return { code: shape.error?.code ?? name, members: Object.keys(shape.members) };
    }),
    service,
  };
}

/** The members whose values --debug never shows. */
export const sensitiveMembers = (op: OperationModel): string[] => op.input.filter((m) => m.sensitive).map((m) => m.name);

/** cogsignout's operation. */
export const SIGN_OUT: OperationModel = operationModel(COGNITO_IDP, 'AdminUserGlobalSignOut');

/** Every operation cogsignout runs; what holds for all of them (redaction, prompt fields) reads this list. */
export const OPERATIONS: readonly OperationModel[] = [SIGN_OUT];

export const OPERATION_NAME = SIGN_OUT.name;

/** Its input members in model order. */
export const MEMBERS: readonly MemberModel[] = SIGN_OUT.input;

/** Members the model marks sensitive: --debug never shows their values. */
export const SENSITIVE_MEMBERS: readonly string[] = sensitiveMembers(SIGN_OUT);
