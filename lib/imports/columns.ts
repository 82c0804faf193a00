/**
 * The import/export file format: one declared mapping from the Chinese column headers to fields.
 * Headers and enum labels are part of the FILE FORMAT (always Chinese, whatever the UI language),
 * so they live here rather than in the message catalogs; the explanations shown to people (the
 * template's 说明 sheet, the page) are catalog keys under `imports.columns.<field>`.
 * The export writes exactly these columns, in this order, so an exported file re-imports unchanged.
 */
export const importKinds = ["schools", "schoolMajors"] as const;
export type ImportKind = (typeof importKinds)[number];

export type ColumnType = "text" | "int" | "date" | "enum" | "list";

export type ColumnDef = {
  header: string;
  field: string;
  type: ColumnType;
  /** The column must be present in the file. */
  required?: boolean;
  /** Enum code → canonical Chinese label (what the export writes and the template's lists offer). */
  labels?: Record<string, string>;
  /** Extra accepted spellings → code. The English codes are accepted too. */
  aliases?: Record<string, string>;
  /** Other accepted header spellings. */
  headerAliases?: string[];
  /** Read for matching or shown for people, never written from the file. */
  readOnly?: boolean;
  width: number;
  example: string;
};

export const labels = {
  tier: { TECHNICIAN_COLLEGE: "技师学院", SENIOR_TECHNICAL_SCHOOL: "高级技工学校", TECHNICAL_SCHOOL: "技工学校" },
  ownership: { PUBLIC: "公办", PRIVATE: "民办" },
  sponsorType: { HR_DEPARTMENT: "人社部门", OTHER_GOVERNMENT: "其他政府部门", INDUSTRY: "行业组织", ENTERPRISE: "企业", PRIVATE_ENTITY: "社会力量" },
  status: {
    PREPARING: "筹设",
    OPERATING: "正常办学",
    ENROLMENT_SUSPENDED: "暂停招生",
    RECTIFYING: "整改",
    REVOKED: "撤销",
    MERGED: "合并",
    CONVERTED: "转设",
    TERMINATED: "终止",
  },
  level: { INTERMEDIATE: "中级工", ADVANCED: "高级工", PRE_TECHNICIAN: "预备技师（技师）" },
  startingPoint: { JUNIOR_SECONDARY: "初中起点", SENIOR_SECONDARY: "高中起点" },
  schoolMajorStatus: { FILED: "备案", ENROLLING: "招生", SUSPENDED: "停招", WITHDRAWN: "撤销" },
} as const;

export const schoolColumns: ColumnDef[] = [
  { header: "统一社会信用代码", field: "uscc", type: "text", width: 22, example: "12440000MB2C30418U" },
  { header: "院校名称", field: "nameZh", type: "text", required: true, headerAliases: ["学校名称"], width: 28, example: "广州市示例技师学院" },
  { header: "英文名称", field: "nameEn", type: "text", width: 30, example: "Guangzhou Example Technician College" },
  { header: "其他名称", field: "altNames", type: "list", width: 20, example: "广州市示例高级技工学校；示例职业培训学院" },
  { header: "层次", field: "tier", type: "enum", required: true, labels: labels.tier, headerAliases: ["院校层次"], width: 14, example: "技师学院" },
  { header: "办学状态", field: "status", type: "enum", labels: labels.status, headerAliases: ["状态"], width: 12, example: "正常办学" },
  { header: "办学性质", field: "ownership", type: "enum", required: true, labels: labels.ownership, width: 10, example: "公办" },
  { header: "举办者类型", field: "sponsorType", type: "enum", required: true, labels: labels.sponsorType, width: 14, example: "人社部门" },
  { header: "举办者", field: "sponsorName", type: "text", width: 24, example: "广州市人力资源和社会保障局" },
  { header: "登记机关", field: "authorityId", type: "text", width: 12, example: "广东" },
  { header: "所在地市代码", field: "divisionCode", type: "text", headerAliases: ["地市代码"], width: 14, example: "440100" },
  { header: "地址", field: "address", type: "text", width: 36, example: "广州市天河区示例路 1 号" },
  { header: "网址", field: "website", type: "text", width: 28, example: "https://www.example.edu.cn" },
  { header: "审批文号", field: "approvalDocNo", type: "text", width: 22, example: "粤府函〔2020〕12号" },
  { header: "审批日期", field: "approvalDate", type: "date", width: 12, example: "2020-03-15" },
  { header: "建校日期", field: "establishedDate", type: "date", width: 12, example: "1985-09-01" },
  { header: "统计年度", field: "figuresYear", type: "int", width: 10, example: "2025" },
  { header: "全日制在校生数", field: "fullTimeStudents", type: "int", width: 14, example: "6200" },
  { header: "年培训人次", field: "trainingPersonTimes", type: "int", width: 12, example: "8000" },
  { header: "占地面积（平方米）", field: "campusArea", type: "int", headerAliases: ["占地面积"], width: 16, example: "150000" },
  { header: "建筑面积（平方米）", field: "buildingArea", type: "int", headerAliases: ["建筑面积"], width: 16, example: "120000" },
  { header: "设备总值（万元）", field: "equipmentValue", type: "int", headerAliases: ["设备总值"], width: 16, example: "9000" },
  { header: "专任教师数", field: "teachers", type: "int", width: 12, example: "380" },
  { header: "专业数", field: "majorCount", type: "int", width: 10, example: "24" },
  { header: "联系人", field: "contactName", type: "text", width: 12, example: "张三" },
  { header: "联系电话", field: "contactPhone", type: "text", width: 16, example: "020-12345678" },
  { header: "登记编号", field: "id", type: "text", headerAliases: ["注册编号"], width: 28, example: "" },
  { header: "公开码", field: "publicCode", type: "text", readOnly: true, width: 12, example: "" },
];

export const schoolMajorColumns: ColumnDef[] = [
  { header: "登记编号", field: "schoolId", type: "text", headerAliases: ["注册编号"], width: 28, example: "" },
  { header: "统一社会信用代码", field: "schoolUscc", type: "text", width: 22, example: "12440000MB2C30418U" },
  { header: "院校名称", field: "schoolName", type: "text", readOnly: true, headerAliases: ["学校名称"], width: 28, example: "广州市示例技师学院" },
  { header: "专业代码", field: "majorCode", type: "text", required: true, width: 12, example: "0101-4" },
  { header: "专业名称", field: "majorName", type: "text", readOnly: true, width: 28, example: "数控加工（数控车工）" },
  {
    header: "培养层次",
    field: "level",
    type: "enum",
    required: true,
    labels: labels.level,
    aliases: { 预备技师: "PRE_TECHNICIAN", 技师: "PRE_TECHNICIAN", "预备技师(技师)": "PRE_TECHNICIAN" },
    width: 16,
    example: "高级工",
  },
  {
    header: "起点",
    field: "startingPoint",
    type: "enum",
    required: true,
    labels: labels.startingPoint,
    aliases: { 初中: "JUNIOR_SECONDARY", 高中: "SENIOR_SECONDARY" },
    width: 10,
    example: "初中起点",
  },
  { header: "学制（年）", field: "years", type: "int", required: true, headerAliases: ["学制"], width: 10, example: "5" },
  { header: "状态", field: "status", type: "enum", labels: labels.schoolMajorStatus, width: 10, example: "招生" },
];

export function columnsFor(kind: ImportKind): ColumnDef[] {
  return kind === "schools" ? schoolColumns : schoolMajorColumns;
}

/** A file of school majors names its school by 登记编号 or 统一社会信用代码: one of the two columns must be there. */
export const oneOfRequired: Record<ImportKind, string[][]> = {
  schools: [],
  schoolMajors: [["schoolId", "schoolUscc"]],
};

/** Header spellings compared without spaces, with ASCII brackets and without a required-marker "*". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/[\s\u3000]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/^\*|\*$/g, "");
}

export type HeaderMap = { byIndex: (ColumnDef | null)[]; present: Set<string>; unknown: string[]; duplicated: string[] };

/** Maps the cells of a header row to columns. */
export function mapHeaders(kind: ImportKind, headerCells: string[]): HeaderMap {
  const lookup = new Map<string, ColumnDef>();
  for (const c of columnsFor(kind)) for (const h of [c.header, ...(c.headerAliases ?? [])]) lookup.set(normaliseHeader(h), c);
  const present = new Set<string>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  const byIndex = headerCells.map((cell) => {
    const name = normaliseHeader(cell ?? "");
    if (!name) return null;
    const col = lookup.get(name);
    if (!col) {
      unknown.push(cell.trim());
      return null;
    }
    if (present.has(col.field)) {
      duplicated.push(col.header);
      return null;
    }
    present.add(col.field);
    return col;
  });
  return { byIndex, present, unknown, duplicated };
}

/** Headers of required columns that are missing (for the "one of" groups, all names of the group joined). */
export function missingColumns(kind: ImportKind, present: Set<string>): string[] {
  const cols = columnsFor(kind);
  const missing = cols.filter((c) => c.required && !present.has(c.field)).map((c) => c.header);
  for (const group of oneOfRequired[kind]) {
    if (!group.some((f) => present.has(f))) missing.push(group.map((f) => cols.find((c) => c.field === f)!.header).join(" / "));
  }
  return missing;
}

/** Every accepted header (for encoding detection and finding the header row). */
export function knownHeaders(kind: ImportKind): string[] {
  return columnsFor(kind).flatMap((c) => [c.header, ...(c.headerAliases ?? [])]);
}
