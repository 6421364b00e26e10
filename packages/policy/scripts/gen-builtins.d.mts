/** Renders src/builtin-policies.generated.ts from lib/**\/*.rego (formatted with prettier). */
export function render(): Promise<string>
