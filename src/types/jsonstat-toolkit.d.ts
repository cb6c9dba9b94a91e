// The part of jsonstat-toolkit (JSON-stat JavaScript Toolkit, Apache-2.0) that servicegap uses;
// the package ships no type declarations.
declare module 'jsonstat-toolkit' {
  export interface JsonStatCategory {
    readonly label: string | null;
  }
  export interface JsonStatDimension {
    /** Category ids in index order. */
    readonly id: readonly string[];
    readonly label: string | null;
    readonly role: string | null;
    readonly length: number;
    Category(index: number): JsonStatCategory | null;
  }
  export interface JsonStatObject {
    readonly class: 'dataset' | 'bundle' | 'collection' | 'dimension' | null;
    readonly length: number;
    readonly id: readonly string[];
    readonly label: string | null;
    readonly size?: readonly number[];
    readonly role?: { readonly time?: readonly string[] | null; readonly geo?: readonly string[] | null; readonly metric?: readonly string[] | null } | null;
    readonly error?: unknown;
    Dataset(index: number): JsonStatObject | null;
    Dimension(id: string | number): JsonStatDimension | null;
    Data(index: number): { readonly value: number | null; readonly status: string | null } | null;
  }
  function JSONstat(input: unknown): JsonStatObject;
  export default JSONstat;
}
