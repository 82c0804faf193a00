/**
 * A form as a browser submits it: every value a string, a ticked checkbox "on" and an unticked one
 * left out (so `false` drops the field).
 */
export function formData(values: Record<string, string | number | boolean>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== false) fd.set(k, String(v === true ? "on" : v));
  return fd;
}
