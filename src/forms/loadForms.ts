import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, throwIfAny, type ContentProblem } from '../content/contentError';
import { formatFieldPath, readYamlFile, type YamlSource } from '../content/yamlFile';
import { FormDefinition } from './formDefinition';

/**
 * Loads every dialogs/*.yaml and checks what the schema cannot: unique form and field ids,
 * conditions that point at an earlier choice field and name its choices. Every problem is
 * reported with its file and line in one run.
 */
export function loadForms(dir: string): FormDefinition[] {
  const problems: ContentProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(dir, name));
  } catch {
    throw new ContentError([{ file: dir, message: 'folder is missing' }]);
  }
  const forms: FormDefinition[] = [];
  for (const file of files) {
    try {
      const { data, source } = readYamlFile(file, FormDefinition);
      checkForm(data, source, problems);
      if (forms.some((f) => f.id === data.id)) problems.push({ file: source.file, line: source.lineOf(['id']), field: 'id', message: `duplicate form id "${data.id}"` });
      forms.push(data);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  throwIfAny(problems);
  return forms;
}

function checkForm(form: FormDefinition, source: YamlSource, problems: ContentProblem[]): void {
  const problem = (path: PropertyKey[], message: string) => problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message });
  form.fields.forEach((field, index) => {
    const earlier = form.fields.slice(0, index);
    if (earlier.some((f) => f.id === field.id)) problem(['fields', index, 'id'], `duplicate field id "${field.id}"`);
    if (field.type === 'choice' && new Set(field.choices.map((c) => c.value)).size !== field.choices.length) problem(['fields', index, 'choices'], 'choice values must be unique');
    if ('pattern' in field && field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        problem(['fields', index, 'pattern'], 'is not a valid regular expression');
      }
    }
    if (!field.when) return;
    const target = earlier.find((f) => f.id === field.when!.field);
    if (!target) {
      problem(['fields', index, 'when', 'field'], `"${field.when.field}" is not an earlier field`);
      return;
    }
    const values = field.when.in ?? [field.when.equals!];
    const allowed = target.type === 'choice' ? target.choices.map((c) => c.value) : target.type === 'yesNo' ? ['yes', 'no'] : undefined;
    if (!allowed) problem(['fields', index, 'when', 'field'], `"${target.id}" is a ${target.type} field: conditions need a choice or yes/no field`);
    else for (const value of values) if (!allowed.includes(value)) problem(['fields', index, 'when'], `"${value}" is not a value of ${target.id} (have: ${allowed.join(', ')})`);
  });
}
