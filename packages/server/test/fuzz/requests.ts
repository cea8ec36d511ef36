import { aimedBodies, aimedParameterValues, BAD_PARAMETERS, type BodyCase, spoilBody } from './mutations.ts';
import { pick } from './random.ts';
import { type Sampler, type Schema, sampleOf, typesOf } from './samples.ts';

/** A route's sampler, with the rows its path parameters should name to get past a 404. */
export interface RouteSampler extends Sampler {
  /** `/api/v1/tasks/{id}` → the id of a task that exists. */
  fixtures: Record<string, string>;
}

/** How many requests of each kind a route is sent. */
export interface Plan {
  /** Spoiled path and query parameters (at least; one aimed value per parameter and type comes first). */
  parameterCases: number;
  /** Aimed bodies at most: one field at a time, spread over the fields. */
  aimedBodies: number;
  /** Bodies spoiled at random. */
  bodyCases: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}
export interface Operation {
  name: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | undefined;
}
export interface OpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** The operations of the OpenAPI document, but those skipped. */
export function operationsOf(document: OpenApi, skipped: Record<string, string>): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (skipped[name]) continue;
      const parameters = (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      out.push({
        name,
        method: method.toUpperCase(),
        path,
        parameters,
        body: operation.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return out;
}

/** The valid value of a path parameter: a fixture where the route needs a real row, never the administrator's own. */
function pathValue(operation: Operation, parameter: Parameter, sampler: RouteSampler): string {
  const fixture = sampler.fixtures[`${operation.path.split('/{')[0]}/{${parameter.name}}`];
  if (fixture) return fixture;
  return String(sampleOf(parameter.schema, sampler));
}

function validQuery(operation: Operation, sampler: RouteSampler): [string, string][] {
  return operation.parameters
    .filter((p) => p.in === 'query' && (p.required || sampler.random() < 0.4))
    .map((p) => [p.name, String(sampleOf(p.schema, sampler))]);
}

export interface Request {
  path: Record<string, string>;
  query: [string, string][];
  payload: string | undefined;
  kind: string;
}

const validPath = (operation: Operation, sampler: RouteSampler) =>
  Object.fromEntries(
    operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(operation, p, sampler)]),
  );

/** The types a parameter may take, through a union of literals. */
const parameterTypes = (schema: Schema): string[] =>
  [schema, ...((schema.anyOf as Schema[] | undefined) ?? [])].flatMap((branch) => typesOf(branch));

/** A valid request (all of its query parameters given) with one parameter set to a value aimed at its type. */
function aimAtParameter(operation: Operation, sampler: RouteSampler, target: Parameter, bad: string): Request {
  const path = validPath(operation, sampler);
  const query = operation.parameters
    .filter((p) => p.in === 'query' && p.name !== target.name)
    .map((p): [string, string] => [p.name, String(sampleOf(p.schema, sampler))]);
  if (target.in === 'path') path[target.name] = bad;
  else query.push([target.name, bad]);
  const payload = operation.body ? JSON.stringify(sampleOf(operation.body, sampler)) : undefined;
  return { path, query, payload, kind: `aimed ${target.name}=${JSON.stringify(bad.slice(0, 24))}` };
}

/** A valid request with one parameter spoiled: a bad value, a repeated or unknown one, or a required one missing. */
function spoilParameters(operation: Operation, sampler: RouteSampler): Request {
  const { random } = sampler;
  const path = validPath(operation, sampler);
  let query = validQuery(operation, sampler);
  const target = operation.parameters.length > 0 ? pick(random, operation.parameters) : undefined;
  const bad = pick(random, BAD_PARAMETERS);
  let kind = `${target?.name ?? 'extra'}=${JSON.stringify(bad.slice(0, 30))}`;
  const roll = random();
  if (!target || roll < 0.08) query.push(['unknownParameter', bad]);
  else if (target.in === 'path') path[target.name] = bad;
  else if (roll < 0.16) {
    query.push([target.name, bad], [target.name, bad]);
    kind = `${target.name} repeated`;
  } else if (roll < 0.22) {
    query = query.filter(([name]) => name !== target.name);
    kind = `${target.name} missing`;
  } else query = [...query.filter(([name]) => name !== target.name), [target.name, bad]];
  const payload = operation.body ? JSON.stringify(sampleOf(operation.body, sampler)) : undefined;
  return { path, query, payload, kind };
}

function spoilRequestBody(operation: Operation, sampler: RouteSampler): Request {
  const spoiled = spoilBody(sampleOf(operation.body!, sampler), sampler.random);
  return {
    path: validPath(operation, sampler),
    query: validQuery(operation, sampler),
    payload: spoiled.payload,
    kind: `body ${spoiled.kind}`,
  };
}

/** A valid body with its required fields and one optional field at a time: what a form sends for one change. */
function fieldByField(schema: Schema, full: unknown): BodyCase[] {
  if (full === null || typeof full !== 'object' || Array.isArray(full)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const base = Object.fromEntries(Object.entries(full).filter(([name]) => required.has(name)));
  return Object.entries(full)
    .filter(([name]) => !required.has(name))
    .map(([name, value]) => ({ kind: `only /${name}`, payload: JSON.stringify({ ...base, [name]: value }) }));
}

/** The requests of one route: values aimed at each parameter and field, then spoiled at random. */
export function requestsFor(operation: Operation, sampler: RouteSampler, plan: Plan): Request[] {
  const requests: Request[] = [];
  for (const parameter of operation.parameters) {
    for (const bad of aimedParameterValues(parameterTypes(parameter.schema), parameter.in === 'path')) {
      requests.push(aimAtParameter(operation, sampler, parameter, bad));
    }
  }
  const parameterCases = operation.parameters.length > 0 ? plan.parameterCases : 10;
  while (requests.length < parameterCases) requests.push(spoilParameters(operation, sampler));
  if (operation.body) {
    const full = sampleOf(operation.body, { ...sampler, full: true });
    const aimed = [...fieldByField(operation.body, full), ...aimedBodies(full)];
    const step = Math.max(1, aimed.length / plan.aimedBodies);
    for (let i = 0; i < aimed.length; i += step) {
      const spoiled = aimed[Math.floor(i)]!;
      requests.push({
        path: validPath(operation, sampler),
        query: validQuery(operation, sampler),
        payload: spoiled.payload,
        kind: spoiled.kind,
      });
    }
    for (let i = 0; i < plan.bodyCases; i++) requests.push(spoilRequestBody(operation, sampler));
  }
  return requests;
}

export function urlOf(operation: Operation, request: Request): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.path[name] ?? ''));
  const query = request.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}
