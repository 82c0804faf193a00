/**
 * Fields that generated demo school names are built from ("<city><field><tier suffix>"), with the
 * English word and the major categories (see majors.ts) such a school mostly teaches.
 */
export type Field = { zh: string; en: string; categories: string[] };

export const FIELDS: Field[] = [
  { zh: "机电", en: "Mechanical and Electrical", categories: ["D01", "D02"] },
  { zh: "交通", en: "Transport", categories: ["D04", "D06"] },
  { zh: "轻工", en: "Light Industry", categories: ["D13", "D12", "D01"] },
  { zh: "建筑", en: "Construction", categories: ["D11", "D02"] },
  { zh: "商贸", en: "Commerce and Trade", categories: ["D06", "D05"] },
  { zh: "电子信息", en: "Electronics and Information", categories: ["D03", "D02"] },
  { zh: "化工", en: "Chemical Engineering", categories: ["D09", "D01"] },
  { zh: "农业", en: "Agriculture", categories: ["D07", "D06"] },
  { zh: "旅游", en: "Tourism", categories: ["D05", "D06"] },
  { zh: "工业", en: "Industrial", categories: ["D01", "D02", "D03"] },
  { zh: "工程", en: "Engineering", categories: ["D01", "D11", "D02"] },
  { zh: "汽车", en: "Automotive", categories: ["D04", "D01"] },
  { zh: "工贸", en: "Industry and Trade", categories: ["D01", "D06", "D03"] },
  { zh: "冶金", en: "Metallurgy", categories: ["D01", "D09"] },
  { zh: "电力", en: "Electric Power", categories: ["D08", "D02"] },
  { zh: "城市建设", en: "Urban Construction", categories: ["D11", "D12"] },
  { zh: "财经", en: "Finance and Economics", categories: ["D06", "D03"] },
  { zh: "现代服务", en: "Modern Services", categories: ["D05", "D10", "D06"] },
  { zh: "科技", en: "Science and Technology", categories: ["D03", "D01", "D02"] },
  { zh: "能源", en: "Energy", categories: ["D08", "D09"] },
  { zh: "卫生", en: "Health", categories: ["D10", "D05"] },
  { zh: "纺织服装", en: "Textiles and Garments", categories: ["D12", "D13"] },
  { zh: "信息工程", en: "Information Engineering", categories: ["D03", "D12"] },
  { zh: "经济", en: "Economics", categories: ["D06", "D05"] },
];

/** Categories for a real name, guessed from the words it contains (machinery and IT otherwise). */
export function categoriesForName(nameZh: string): string[] {
  const hit = FIELDS.find((f) => nameZh.includes(f.zh));
  if (hit) return hit.categories;
  if (nameZh.includes("五金") || nameZh.includes("机械")) return ["D01", "D02"];
  if (nameZh.includes("奇瑞")) return ["D04", "D01"];
  return ["D01", "D02", "D03", "D04"];
}
