import { beforeEach, describe, expect, it, vi } from "vitest";
import { createSchoolAction } from "@/lib/schools/actions";
import { signInAs, testUsers } from "../support/session";
import { csvOf, schoolRow, upload, utf8 } from "./imports-fixtures";
import { createForm, fakeUscc, schoolTestDb } from "./schools-fixtures";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/**
 * Issue 12, finding 7 through the import: a row naming an existing school in its Kangxi or
 * full-width form is that school's name (the schema normalises it), so the dry run must look the
 * registered name up by the normalised form — before, the lookup used the cell as typed, found
 * nothing, and the row passed the dry run as a new school with a taken name.
 */
schoolTestDb();
beforeEach(() => signInAs(testUsers.gdOfficer));

describe("import: names compared in their normal form", () => {
  it("a row with the Kangxi form of a registered name is nameTaken in the dry run", async () => {
    const made = await createSchoolAction(createForm({ nameZh: "广州市汽车技工学校", uscc: fakeUscc(900) }));
    expect(made.ok).toBe(true);
    const res = await upload(
      utf8(
        csvOf([
          schoolRow(1, { 院校名称: "广州市汽车技\u2f2f学校" }),
          schoolRow(2, { 院校名称: "广州市ＡＢ技工学校" }),
          schoolRow(3, { 院校名称: "广州市AB技工学校" }),
        ]),
      ),
    );
    expect(res.phase).toBe("done");
    if (res.phase !== "done") return;
    const errors = res.summary.issues.filter((i) => i.severity === "error").map((i) => [i.row, i.column]);
    // Row 2: the registered school's name; row 4: the same name as row 3 once normalised.
    expect(errors).toEqual([
      [2, "院校名称"],
      [4, "院校名称"],
    ]);
  });
});
