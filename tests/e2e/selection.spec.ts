import { expect, test, type Browser, type Page } from "@playwright/test";
import { STARTER_INDICATORS } from "../../lib/selection/programme";
import { demoAccounts, type DemoAccount } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { zh } from "./support/messages";
import { signIn } from "./support/sign-in";

/**
 * The whole selection in Chromium (issue 4, "Done when"): the ministry opens a batch; a Guangdong
 * officer applies (an ineligible school is refused with the reason) and recommends; ministry staff
 * assign two experts (the Guangdong expert is never offered); each expert scores; the ministry
 * decides; the notice goes public; an objection is lodged and resolved; the batch is announced;
 * the public progress page shows the new count and the school's page shows its designation.
 */
const stamp = Date.now().toString().slice(-6);
const batchName = `端到端遴选${stamp}`;
const expert3: DemoAccount = { username: "expert3", password: "Expert#2026demo", role: "EXPERT" };
const chinaTime = (offsetMs: number, seconds = false) => new Date(Date.now() + offsetMs + 8 * 3600_000).toISOString().slice(0, seconds ? 19 : 16);
const state = { batchUrl: "", schoolName: "", announcedBefore: 0, noticeEndsAt: 0 };

test.describe.configure({ mode: "serial" });

async function as<T>(browser: Browser, account: DemoAccount | null, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    if (account) await signIn(page, account);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** A workflow button that asks for confirmation: click it, then confirm in the panel. */
async function confirmStep(page: Page, label: string) {
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: label, exact: true }).click();
}

async function announcedSchools(page: Page) {
  const res = await page.request.get("/api/v1/progress");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { schools: { announced: number } }).schools.announced;
}

test("the ministry admin creates and opens a batch", async ({ browser }) => {
  test.setTimeout(120_000);
  await as(browser, demoAccounts.admin, async (page) => {
    state.announcedBefore = await announcedSchools(page);
    await page.getByRole("link", { name: zh("nav.selectionAdmin") }).click();
    await page.getByRole("link", { name: zh("selection.admin.newBatch") }).click();
    const f = (k: string) => page.getByLabel(zh(`selection.batchForm.fields.${k}`), { exact: true });
    await f("nameZh").fill(batchName);
    await f("targetCount").fill("3");
    await f("defaultQuota").fill("2");
    await f("windowOpensAt").fill(chinaTime(-3600_000));
    await f("windowClosesAt").fill(chinaTime(24 * 3600_000));
    await f("noticeDays").fill("0");
    await f("minExperts").fill("2");
    await page.getByRole("button", { name: zh("selection.batchForm.create") }).click();
    await expect(page.getByRole("heading", { level: 1, name: batchName })).toBeVisible();
    state.batchUrl = new URL(page.url()).pathname;
    // The starter indicators total 100: the batch can open.
    await expect(page.getByText(zh("selection.indicators.sum", { sum: 100 }))).toBeVisible();
    await confirmStep(page, zh("selection.steps.batch.open"));
    await expect(page.getByTestId("batch-status")).toHaveText(zh("selection.status.batch.APPLYING"));
  });
});

test("a province officer applies (refused with a reason first) and recommends", async ({ browser }) => {
  test.setTimeout(180_000);
  await as(browser, demoAccounts.gdOfficer, async (page) => {
    await page.getByRole("link", { name: zh("nav.selectionApply"), exact: true }).click();
    await page.getByRole("link", { name: batchName }).click();
    await page.getByRole("link", { name: zh("selection.apply.new") }).click();
    const school = page.getByLabel(zh("selection.newApplication.school"));
    const create = page.getByRole("button", { name: zh("selection.newApplication.create") });

    await expect(page.getByRole("heading", { level: 1, name: zh("selection.newApplication.title") })).toBeVisible();
    await expect(school.locator("option").nth(1)).toBeAttached();
    // A 技工学校 is not eligible for a school batch that takes 技师学院: refused, with the reason.
    const options = await school.locator("option").allTextContents();
    const technical = options.find((o) => o.includes("（技工学校，"));
    expect(technical).toBeTruthy();
    await school.selectOption({ label: technical! });
    await create.click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(zh("selection.refusal.eligibility.wrongTier", { tier: "技工学校" }));

    // An operating 技师学院 that is not already designated (the form marks those).
    const college = options.find((o) => o.includes("（技师学院，正常办学）") && !o.includes(zh("selection.newApplication.hintDesignated")));
    expect(college).toBeTruthy();
    await school.selectOption({ label: college! });
    await create.click();
    await page.waitForURL(/\/console\/selection\/applications\//);
    state.schoolName = college!.slice(0, college!.indexOf("（"));
    expect(state.schoolName).not.toBe("");
    await expect(page.getByRole("heading", { level: 1, name: state.schoolName })).toBeVisible();

    for (const i of STARTER_INDICATORS) await page.getByLabel(zh("selection.application.scoreFor", { name: i.nameZh })).fill(String(i.maxScore - 1));
    await page.getByLabel(zh("selection.application.evidenceText")).fill("端到端测试：办学条件与培养质量佐证材料。");
    await page.getByRole("button", { name: zh("selection.application.saveDraft") }).click();
    await expect(page.getByText(zh("selection.application.saved"))).toBeVisible();

    // A PDF by content; the upload redirects back with a notice.
    await page
      .getByLabel(zh("selection.application.uploadLabel"))
      .setInputFiles({ name: "证明材料.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.getByRole("button", { name: zh("selection.application.upload"), exact: true }).click();
    await expect(page.getByText(zh("selection.application.uploaded"))).toBeVisible();
    await expect(page.getByRole("link", { name: "证明材料.pdf" })).toBeVisible();

    await page.getByRole("button", { name: zh("selection.steps.application.submit") }).click();
    await expect(page.getByTestId("application-status")).toHaveText(zh("selection.status.application.SUBMITTED"));

    await page.getByRole("link", { name: batchName }).click();
    await page.getByRole("checkbox", { name: state.schoolName }).check();
    await page.getByRole("button", { name: zh("selection.recommend.save") }).click();
    await expect(page.getByText(zh("selection.recommend.saved"))).toBeVisible();
  });
});

test("ministry staff start the review and assign two experts; a conflicted expert is never offered", async ({ browser }) => {
  test.setTimeout(120_000);
  await as(browser, demoAccounts.ministry, async (page) => {
    await page.goto(state.batchUrl);
    await confirmStep(page, zh("selection.steps.batch.startReview"));
    await expect(page.getByTestId("batch-status")).toHaveText(zh("selection.status.batch.REVIEWING"));
    await page.getByRole("link", { name: zh("selection.tabs.review") }).click();
    const select = page.getByLabel(zh("selection.review.expertFor", { school: state.schoolName }));
    await expect(select).toBeVisible();
    const offered = await select.locator("option").allTextContents();
    expect(offered.some((o) => o.startsWith("专家一"))).toBe(false); // expert1's home is Guangdong
    for (const name of ["专家二", "专家三"]) {
      const label = (await select.locator("option").allTextContents()).find((o) => o.startsWith(name));
      expect(label, name).toBeTruthy();
      await select.selectOption({ label: label! });
      await page.getByRole("button", { name: zh("selection.review.assign"), exact: true }).click();
      await expect(page.getByTestId(`review-app-${state.schoolName}`).getByText(new RegExp(`^${name}`))).toBeVisible();
    }
  });
});

for (const [account, score] of [
  [demoAccounts.expert2, 9],
  [expert3, 8],
] as const) {
  test(`${account.username} scores the assignment`, async ({ browser }) => {
    test.setTimeout(120_000);
    await as(browser, account, async (page) => {
      await page.getByRole("link", { name: zh("nav.selectionReviews") }).click();
      await page.getByRole("link", { name: state.schoolName }).first().click();
      await expect(page.getByText(zh("selection.reviewForm.peersHidden"))).toBeVisible();
      for (const i of STARTER_INDICATORS) await page.getByLabel(new RegExp(`^${i.code} ${i.nameZh}`)).fill(String(score));
      await page.getByLabel(zh("selection.reviewForm.feedback")).fill("建议加强一体化课程建设。");
      await page.getByRole("button", { name: zh("selection.reviewForm.submit") }).click();
      await page
        .getByRole("alertdialog")
        .getByRole("button", { name: zh("selection.reviewForm.submit") })
        .click();
      // The "submitted" message is transient (the page refreshes into its read-only view): assert the lasting state.
      await expect(page.getByTestId("assignment-status")).toHaveText(zh("selection.status.assignment.SUBMITTED"), { timeout: 20_000 });
    });
  });
}

test("the ministry decides and publishes the notice", async ({ browser }) => {
  test.setTimeout(120_000);
  await as(browser, demoAccounts.ministry, async (page) => {
    await page.goto(state.batchUrl);
    await confirmStep(page, zh("selection.steps.batch.finishReview"));
    await expect(page.getByTestId("batch-status")).toHaveText(zh("selection.status.batch.DECIDING"));
    await page.getByRole("link", { name: zh("selection.tabs.results") }).click();
    const row = page.getByTestId(`result-${state.schoolName}`);
    await expect(row).toContainText("85.00"); // (90 + 80) / 2
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: zh("selection.results.saveCutLine") }).click();
    await expect(page.getByText(zh("selection.results.cutLineSaved"))).toBeVisible();
    await row.getByRole("radio", { name: zh("selection.results.select"), exact: true }).check();
    await row.getByLabel(zh("selection.results.reason")).fill("综合得分达到分数线，予以入选。");
    await row.getByRole("button", { name: zh("selection.results.saveDecision") }).click();
    await expect(row.getByText(zh("selection.status.application.SELECTED"), { exact: true })).toBeVisible();

    await page.getByRole("link", { name: zh("selection.tabs.notice") }).click();
    const form = page.getByTestId("publish-notice");
    state.noticeEndsAt = Date.now() + 45_000;
    await form.getByLabel(zh("selection.notice.endsAt")).fill(chinaTime(45_000, true));
    await confirmStep(page, zh("selection.steps.batch.publishNotice"));
    await expect(page.getByTestId("batch-status")).toHaveText(zh("selection.status.batch.NOTICE"));
  });
});

test("anyone lodges an objection on the public notice; the ministry resolves it and announces", async ({ browser }) => {
  test.setTimeout(180_000);
  const batchId = state.batchUrl.split("/").pop()!;
  await as(browser, null, async (page) => {
    await page.goto(`/notices/${batchId}`);
    await expect(page.getByRole("row", { name: new RegExp(state.schoolName) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel(zh("selection.publicNotice.about")).selectOption({ label: state.schoolName });
    await page.getByLabel(zh("selection.publicNotice.name")).fill("李四");
    await page.getByLabel(zh("selection.publicNotice.contact")).fill("13900000000");
    await page.getByLabel(zh("selection.publicNotice.text")).fill("端到端测试异议：请核实该校实训基地面积。");
    await page.getByRole("button", { name: zh("selection.publicNotice.submit") }).click();
    await expect(page.getByText(zh("selection.publicNotice.lodged"))).toBeVisible();
  });
  await as(browser, demoAccounts.ministry, async (page) => {
    await page.goto(`${state.batchUrl}/notice`);
    await expect(page.getByText("端到端测试异议：请核实该校实训基地面积。")).toBeVisible();
    await page.getByRole("radio", { name: zh("selection.steps.objection.dismiss"), exact: true }).check();
    await page.getByLabel(zh("selection.notice.resolutionLabel")).fill("经核查，实训基地面积与申报一致，异议不成立。");
    await confirmStep(page, zh("selection.notice.resolve"));
    await expect(page.getByLabel(zh("selection.notice.resolutionLabel"))).toHaveCount(0);
    await expect(page.getByText(zh("selection.notice.resolution", { text: "经核查，实训基地面积与申报一致，异议不成立。" }))).toBeVisible();

    const announce = page.getByTestId("announce");
    await announce.getByLabel(zh("selection.notice.documentNo")).fill(`人社部函〔2026〕${stamp}号（测试）`);
    await announce.getByLabel(zh("selection.notice.startDate")).fill("2026-12-01");
    await announce.getByLabel(zh("selection.notice.endDate")).fill("2029-11-30");
    // Announcing before the notice period ends is refused with the reason.
    if (Date.now() < state.noticeEndsAt - 5_000) {
      await confirmStep(page, zh("selection.steps.batch.announce"));
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(zh("selection.refusal.noticeNotOver"));
    }
    await page.waitForTimeout(Math.max(0, state.noticeEndsAt - Date.now() + 1_000));
    await confirmStep(page, zh("selection.steps.batch.announce"));
    await expect(page.getByTestId("batch-status")).toHaveText(zh("selection.status.batch.ANNOUNCED"));
  });
});

test("the public progress page counts the new designation and the school's page shows it", async ({ browser }) => {
  test.setTimeout(120_000);
  const batchId = state.batchUrl.split("/").pop()!;
  await as(browser, null, async (page) => {
    await page.goto("/progress");
    const row = page.getByTestId(`progress-batch-${batchId}`);
    await expect(row).toContainText(batchName);
    await expect(row.getByRole("cell").nth(3)).toHaveText("1"); // announced
    expect(await announcedSchools(page)).toBe(state.announcedBefore + 1);
    await expect(page.getByText(`${state.announcedBefore + 1} / 300`)).toBeVisible();
    // Charts are images with a text alternative, each followed by its data table.
    await expect(page.getByRole("img", { name: new RegExp(zh("progress.schoolsChart")) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/notices/${batchId}`);
    await page.getByRole("link", { name: state.schoolName }).click();
    await expect(page.getByRole("heading", { level: 1, name: state.schoolName })).toBeVisible();
    await expect(page.getByText(batchName).first()).toBeVisible();
  });
});
