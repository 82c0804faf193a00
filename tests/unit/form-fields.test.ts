import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { ChoiceField } from "@/components/choice-field";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";

/**
 * The one set of form fields (components/form-field.tsx, choice-field.tsx): the label names the
 * control exactly (the required marker stands beside it, so getByLabel(…, { exact: true }) and
 * screen readers hear the label alone, then "required" from the control), the hint and the errors
 * are tied to the control by aria-describedby, and aria-invalid is set only when there are errors.
 */
const messages = { validation: { requiredMark: "必填", required: "必填。", tooLong: "内容过长。", invalid: "格式不正确。" } };

function render(element: ReactElement): string {
  // The provider's props type requires `children`; createElement's third argument would not satisfy it.
  // eslint-disable-next-line react/no-children-prop
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "zh-CN", timeZone: "Asia/Shanghai", messages, children: element }));
}

const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(html)?.[1];

describe("form fields", () => {
  it("a required field with a hint and errors: label alone, marker beside it, control described by both", () => {
    const html = render(createElement(TextField, { name: "nameZh", label: "名称", required: true, hint: "全称", issues: [{ key: "required" }] }));
    expect(html).toMatch(/<label for="nameZh"[^>]*>名称<\/label>/);
    expect(html).toMatch(/<\/label><span[^>]*><span aria-hidden="true">\*<\/span><span class="sr-only">必填<\/span><\/span>/);
    expect(attr(html, "input", "id")).toBe("nameZh");
    expect(attr(html, "input", "name")).toBe("nameZh");
    expect(html).toMatch(/<input[^>]*\brequired=""/);
    expect(attr(html, "input", "aria-invalid")).toBe("true");
    expect(attr(html, "input", "aria-describedby")).toBe("nameZh-err nameZh-hint");
    expect(html).toMatch(/<p id="nameZh-hint"[^>]*>全称<\/p>/);
    expect(html).toMatch(/<ul id="nameZh-err"[^>]*><li>必填。<\/li><\/ul>/);
  });

  it("without errors: no aria-invalid, no error list, only the hint describes the control", () => {
    const html = render(createElement(TextAreaField, { id: "obj-text", name: "text", label: "理由", hint: "写明事实" }));
    expect(attr(html, "textarea", "id")).toBe("obj-text");
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("obj-text-err");
    expect(attr(html, "textarea", "aria-describedby")).toBe("obj-text-hint");
    expect(html).not.toContain("必填");
  });

  it("errors in words, other describing elements, and a hidden label", () => {
    const html = render(
      createElement(SelectField, {
        name: "code",
        label: "代码",
        labelHidden: true,
        describedBy: "rules",
        errorText: ["代码格式不正确"],
        placeholder: "请选择",
        options: [{ value: "a", label: "甲" }],
      }),
    );
    expect(html).toMatch(/<label for="code" class="sr-only">代码<\/label>/);
    expect(attr(html, "select", "aria-describedby")).toBe("code-err rules");
    expect(html).toContain("<li>代码格式不正确</li>");
    expect(html).toMatch(/<option value="">请选择<\/option><option value="a">甲<\/option>/);
  });

  it("a radio group: a legend names it and its errors describe it", () => {
    const html = render(
      createElement(ChoiceField, {
        name: "outcome",
        label: "处理结果",
        required: true,
        options: [
          { value: "UPHELD", label: "成立" },
          { value: "DISMISSED", label: "不成立" },
        ],
        issues: [{ key: "invalid" }],
      }),
    );
    expect(html).toMatch(/<fieldset aria-describedby="outcome-err"><legend[^>]*>处理结果<span/);
    expect(html.match(/<input type="radio"[^>]*name="outcome"/g)).toHaveLength(2);
    expect(html).toMatch(/<ul id="outcome-err"[^>]*><li>格式不正确。<\/li>/);
  });
});
