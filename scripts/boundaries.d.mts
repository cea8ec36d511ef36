export declare const SUBSYSTEM_NAMES: string[];
export declare const SIDES: { name: string; root: string; subsystemsIn: string; compositionRoot: string }[];
export declare function findViolations(repo: string, sides?: typeof SIDES): string[];
