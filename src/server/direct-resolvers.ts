import {
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { AuthenticationError, AuthorizationError, getMetadataStorage, type AuthCheckerFn, type ResolverData } from 'type-graphql';
import type { Context } from '../common/context';
import { PROMISED } from '../common/connection';

// type-graphql wraps every field of an object type in its middleware chain: a plain @Field gets a
// resolver that builds a ResolverData per call, and a field with @Authorized (a property or a
// @FieldResolver) runs its auth check as an async middleware, so each such field of each object
// costs four or five promises, their microtasks and the async hooks' bookkeeping — on the nested
// read a third of everything the request allocates. This writes the same resolvers again from the
// same metadata, once, after the schema is built: the same auth check with the same rules before
// the same method, called with the same arguments, but synchronous unless the method itself
// returns a promise. The decorators stay the one place a field's rules are declared (and what the
// authorization matrix reads); only how they run changes. A field this cannot write exactly as
// type-graphql would (middlewares, an `internal` resolver, a parameter that converts or validates
// an input) keeps type-graphql's resolver.

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldMeta = Storage['fields'][number];
type FieldResolverMeta = Storage['fieldResolvers'][number];
type ParamMeta = NonNullable<FieldResolverMeta['params']>[number];
type Resolver = GraphQLFieldResolver<unknown, Context>;
type Getter = (root: unknown, args: Record<string, unknown>, context: Context, info: GraphQLResolveInfo) => unknown;

export function directFieldResolvers<Role>(
  schema: GraphQLSchema,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolverClasses: readonly Function[],
  authChecker: AuthCheckerFn<Context, Role>,
): GraphQLSchema {
  const storage = getMetadataStorage();
  // type-graphql's own choice of field resolver (schema-generator.ts, object types), so that
  // the function replaced is exactly the one it built for that metadata.
  const fieldResolvers = storage.fieldResolvers.filter((it) => it.kind === 'internal' || resolverClasses.includes(it.target));
  const instances = new Map<unknown, Record<string, (...params: unknown[]) => unknown>>();
  // null: the field keeps no resolver at all (see propertyResolver).
  const replacements = new Map<Resolver, Resolver | null>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const interfaceFields = storage.interfaceTypes
      .filter((it) => objectType.interfaceClasses?.includes(it.target))
      .flatMap((it) => it.fields ?? []);
    // As type-graphql builds the type: by name, the object's own field after its interfaces'.
    const byName = new Map([...interfaceFields, ...(objectType.fields ?? [])].map((field) => [field.schemaName, field]));
    const fields = type.getFields();
    for (const field of byName.values()) {
      const original = fields[field.schemaName]?.resolve as Resolver | undefined;
      if (!original || replacements.has(original)) continue;
      const fieldResolver = fieldResolvers.find((it) => it.getObjectType?.() === field.target && it.methodName === field.name);
      const direct = fieldResolver
        ? methodResolver(fieldResolver, instances, authChecker)
        : propertyResolver(field, objectType.target, fields[field.schemaName]?.extensions?.[PROMISED] === true, authChecker);
      if (direct !== undefined) replacements.set(original, direct);
    }
  }
  directTypeResolvers(schema, storage);
  // A type that extends another copies the other's fields with their resolvers: replaced by identity.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const direct = field.resolve && replacements.get(field.resolve as Resolver);
      if (direct !== undefined) field.resolve = (direct ?? undefined) as GraphQLFieldResolver<unknown, unknown> | undefined;
    }
  }
  return schema;
}

// A plain @Field: the property of the same name, after the auth check if it has @Authorized;
// undefined where type-graphql's resolver stays. Without either, no resolver at all (null): a
// compiled query then reads the property inline, where a resolver costs graphql-jit an arguments
// object, a response path, an info object and three closures per field of every object (most of
// what a nested read allocated). graphql-js's default resolver reads the same property; it would
// call a function-valued one, so a field whose class has a method of that name keeps a resolver.
// So does a field whose value may be a promise (extension PROMISED): graphql-jit waits only for
// what a resolver returns.
function propertyResolver<Role>(
  field: FieldMeta,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  objectClass: Function,
  promised: boolean,
  authChecker: AuthCheckerFn<Context, Role>,
): Resolver | null | undefined {
  if (field.middlewares?.length) return undefined;
  const name = field.name;
  if (field.roles === undefined && name === field.schemaName && !promised && !isMethod(objectClass, name)) return null;
  const get = (root: unknown) => (root as Record<string, unknown>)[name];
  return field.roles === undefined ? get : guarded(authChecker, field.roles, get);
}

// A function on the class's prototype chain (a method, not a getter or a property).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function isMethod(objectClass: Function, name: string): boolean {
  for (let prototype: unknown = objectClass.prototype; prototype; prototype = Object.getPrototypeOf(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (descriptor) return typeof descriptor.value === 'function';
  }
  return false;
}

// A @FieldResolver of a resolver class: its method on the class's one instance (type-graphql's
// default container keeps one per class too), with the parameters in their declared order.
function methodResolver<Role>(
  fieldResolver: FieldResolverMeta,
  instances: Map<unknown, Record<string, (...params: unknown[]) => unknown>>,
  authChecker: AuthCheckerFn<Context, Role>,
): Resolver | undefined {
  if (fieldResolver.kind !== 'external' || fieldResolver.middlewares?.length) return undefined;
  const params = [...(fieldResolver.params ?? [])].sort((a, b) => a.index - b.index).map(paramGetter);
  if (params.some((param) => param === null)) return undefined;
  const getters = params as Getter[];
  const { target, methodName } = fieldResolver;
  let instance = instances.get(target);
  if (!instance) {
    instance = new (target as new () => Record<string, (...params: unknown[]) => unknown>)();
    instances.set(target, instance);
  }
  const bound = instance;
  // Up to three parameters (nearly every field resolver: root, context and maybe one argument)
  // without an array and a spread per call: these run once per field of every object.
  const [first, second, third] = getters;
  let call: Getter;
  if (getters.length === 0) call = () => bound[methodName]();
  else if (getters.length === 1) call = (root, args, context, info) => bound[methodName](first(root, args, context, info));
  else if (getters.length === 2)
    call = (root, args, context, info) => bound[methodName](first(root, args, context, info), second(root, args, context, info));
  else if (getters.length === 3)
    call = (root, args, context, info) =>
      bound[methodName](first(root, args, context, info), second(root, args, context, info), third(root, args, context, info));
  else
    call = (root, args, context, info) => {
      const values = new Array<unknown>(getters.length);
      for (let index = 0; index < getters.length; index++) values[index] = getters[index](root, args, context, info);
      return bound[methodName](...values);
    };
  return fieldResolver.roles === undefined ? call : guarded(authChecker, fieldResolver.roles, call);
}

// What type-graphql's getParams passes for a parameter, where it passes the value as it is (with
// validation off: see schema.ts); null where it would convert or validate it.
function paramGetter(param: ParamMeta): Getter | null {
  switch (param.kind) {
    case 'root': {
      // type-graphql would copy a root that is not an instance of the resolver's type onto a new
      // one (`new Entity()`: a fresh id and timestamps, then every column assigned over them) on
      // every call — for a plain row, on every field resolver of every object, and the row's
      // timestamps, accessors of its class, did not come across. The row is passed as it is:
      // rows and entities fit the same row types (common/rows.ts).
      const property = param.propertyName;
      return property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
    }
    case 'context': {
      const property = param.propertyName as keyof Context | undefined;
      return property ? (_root, _args, context) => context[property] : (_root, _args, context) => context;
    }
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'arg': {
      // A scalar or enum argument comes as graphql-js coerced it; an input type becomes an
      // instance of its class and may be validated: left to type-graphql.
      if (param.validateSettings !== undefined || param.validateFn) return null;
      const target = param.getType();
      const storage = getMetadataStorage();
      if (storage.inputTypes.some((it) => it.target === target) || storage.argumentTypes.some((it) => it.target === target)) return null;
      const name = param.name;
      return (_root, args) => args[name];
    }
    default:
      return null;
  }
}

// type-graphql's AuthMiddleware, synchronous: no principal or no access is the checker's own
// error; a `false` answer is type-graphql's error for it (authMode "error").
function guarded<Role>(authChecker: AuthCheckerFn<Context, Role>, roles: Role[], resolve: Getter): Resolver {
  return (root, args, context, info) => {
    const data: ResolverData<Context> = { root, args, context, info };
    const granted = authChecker(data, roles);
    if (granted === true) return resolve(root, args, context, info);
    if (granted === false) throw denied(roles);
    return granted.then((allowed) => {
      if (!allowed) throw denied(roles);
      return resolve(root, args, context, info);
    });
  };
}

function denied(roles: readonly unknown[]): Error {
  return roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
}

// type-graphql makes a declared `resolveType` (Node's, from the row's or entity's class name)
// async, whatever it returns, and compiled queries resolve an abstract type synchronously. The
// same answer as type-graphql's: the name returned, or the name of the object type of a class.
function directTypeResolvers(schema: GraphQLSchema, storage: Storage): void {
  const typeNameOf = (value: unknown) =>
    !value || typeof value === 'string'
      ? (value as string | undefined) || undefined
      : storage.objectTypes.find((it) => it.target === value)?.name;
  for (const declared of [...storage.interfaceTypes, ...storage.unions]) {
    const resolveType = declared.resolveType as ((...args: unknown[]) => unknown) | undefined;
    const type = schema.getType(declared.name);
    if (!resolveType || !(isInterfaceType(type) || isUnionType(type))) continue;
    const direct: GraphQLTypeResolver<unknown, unknown> = (...args) => {
      const resolved = resolveType(...args);
      return resolved instanceof Promise ? resolved.then(typeNameOf) : typeNameOf(resolved);
    };
    type.resolveType = direct;
  }
}
