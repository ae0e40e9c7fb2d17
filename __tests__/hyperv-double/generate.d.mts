// Types of generate.mjs for the TypeScript tests that import it.
export declare const referencePath: string;
export declare const sharedReferencePath: string;
export declare const DOUBLE_MODULES: string[];
export declare function agentCmdlets(script: string, module: string): string[];
export declare function generate(reference: unknown, script: string, module: string): string;
export declare function outputPath(module: string): string;
