/**
 * A demo edition of the major catalogue (技工院校专业目录): real category and major names in use,
 * with opaque demo codes ("D0101") — the real edition's codes could not be verified (domain.md §4).
 */
export const DEMO_EDITION = {
  id: "demo-2026",
  code: "demo-2026",
  nameZh: "技工院校专业目录（演示）",
  nameEn: "Technical school major catalogue (demo)",
  isCurrent: true,
  isDemo: true,
};

export type CategorySeed = { code: string; nameZh: string; nameEn: string; majors: [nameZh: string, nameEn: string][] };

export const CATEGORIES: CategorySeed[] = [
  {
    code: "D01",
    nameZh: "机械类",
    nameEn: "Machinery",
    majors: [
      ["数控加工（数控车工）", "CNC machining (CNC turning)"],
      ["数控加工（加工中心操作工）", "CNC machining (machining centre operation)"],
      ["数控机床装配与维修", "CNC machine tool assembly and maintenance"],
      ["模具制造", "Die and mould manufacturing"],
      ["焊接加工", "Welding"],
      ["机械设备装配与自动控制", "Mechanical equipment assembly and automatic control"],
      ["机械设备维修", "Mechanical equipment maintenance"],
      ["工业机器人应用与维护", "Industrial robot application and maintenance"],
      ["机电一体化技术", "Mechatronics"],
      ["增材制造技术应用", "Additive manufacturing application"],
    ],
  },
  {
    code: "D02",
    nameZh: "电工电子类",
    nameEn: "Electrical and electronics",
    majors: [
      ["电气自动化设备安装与维修", "Electrical automation equipment installation and maintenance"],
      ["电子技术应用", "Applied electronics"],
      ["电机电器装配与维修", "Motor and electrical appliance assembly and repair"],
      ["制冷设备运用与维修", "Refrigeration equipment operation and maintenance"],
      ["楼宇自动控制设备安装与维护", "Building automation equipment installation and maintenance"],
      ["电梯工程技术", "Elevator engineering"],
    ],
  },
  {
    code: "D03",
    nameZh: "信息类",
    nameEn: "Information technology",
    majors: [
      ["计算机网络应用", "Computer network application"],
      ["计算机应用与维修", "Computer application and repair"],
      ["计算机程序设计", "Computer programming"],
      ["计算机动画制作", "Computer animation"],
      ["网络安全应用", "Network security application"],
      ["物联网应用技术", "Internet of Things application"],
      ["云计算技术应用", "Cloud computing application"],
      ["大数据技术应用", "Big data application"],
      ["人工智能技术应用", "Artificial intelligence application"],
    ],
  },
  {
    code: "D04",
    nameZh: "交通类",
    nameEn: "Transport",
    majors: [
      ["汽车维修", "Automotive repair"],
      ["新能源汽车检测与维修", "New energy vehicle inspection and repair"],
      ["汽车钣金与涂装", "Automotive body repair and painting"],
      ["汽车制造与装配", "Automobile manufacturing and assembly"],
      ["城市轨道交通运输与管理", "Urban rail transit operation and management"],
      ["工程机械运用与维修", "Construction machinery operation and maintenance"],
      ["无人机应用技术", "Unmanned aerial vehicle application"],
    ],
  },
  {
    code: "D05",
    nameZh: "服务类",
    nameEn: "Services",
    majors: [
      ["烹饪（中式烹调）", "Cookery (Chinese cuisine)"],
      ["烹饪（中式面点）", "Cookery (Chinese pastry)"],
      ["烹饪（西式烹调）", "Cookery (Western cuisine)"],
      ["酒店管理", "Hotel management"],
      ["美容美发与造型", "Beauty, hairdressing and styling"],
      ["幼儿教育", "Early childhood education"],
      ["老年人服务与管理", "Elderly care services and management"],
    ],
  },
  {
    code: "D06",
    nameZh: "财经商贸类",
    nameEn: "Finance and commerce",
    majors: [
      ["电子商务", "E-commerce"],
      ["物流服务与管理", "Logistics services and management"],
      ["会计", "Accounting"],
      ["市场营销", "Marketing"],
      ["连锁经营与管理", "Chain store operation and management"],
      ["汽车技术服务与营销", "Automotive technical services and sales"],
    ],
  },
  {
    code: "D07",
    nameZh: "农业类",
    nameEn: "Agriculture",
    majors: [
      ["现代农业技术", "Modern agricultural technology"],
      ["园林技术", "Landscape gardening"],
      ["畜牧兽医", "Animal husbandry and veterinary medicine"],
      ["茶叶生产与加工", "Tea production and processing"],
    ],
  },
  {
    code: "D08",
    nameZh: "能源类",
    nameEn: "Energy",
    majors: [
      ["发电厂及变电站电气设备安装与检修", "Power plant and substation electrical equipment installation and overhaul"],
      ["光伏应用技术", "Photovoltaic application"],
      ["风电设备运行与维护", "Wind power equipment operation and maintenance"],
      ["供用电技术", "Power supply and utilisation"],
    ],
  },
  {
    code: "D09",
    nameZh: "化工类",
    nameEn: "Chemical engineering",
    majors: [
      ["化工工艺", "Chemical process technology"],
      ["化学检验", "Chemical testing"],
      ["化工仪表及自动化", "Chemical instrumentation and automation"],
      ["高分子材料加工工艺", "Polymer material processing"],
    ],
  },
  {
    code: "D10",
    nameZh: "医药类",
    nameEn: "Medicine and health",
    majors: [
      ["护理", "Nursing"],
      ["康复保健", "Rehabilitation and health care"],
      ["药物制剂", "Pharmaceutical preparation"],
      ["医疗器械维修", "Medical device repair"],
    ],
  },
  {
    code: "D11",
    nameZh: "建筑类",
    nameEn: "Construction",
    majors: [
      ["建筑施工", "Building construction"],
      ["工程造价", "Construction cost estimation"],
      ["建筑装饰", "Architectural decoration"],
      ["工程测量", "Engineering surveying"],
      ["给排水工程施工与运行", "Water supply and drainage construction and operation"],
    ],
  },
  {
    code: "D12",
    nameZh: "文化艺术类",
    nameEn: "Culture and arts",
    majors: [
      ["服装设计与制作", "Fashion design and production"],
      ["室内设计", "Interior design"],
      ["工艺美术", "Arts and crafts"],
      ["数字媒体技术应用", "Digital media technology"],
    ],
  },
  {
    code: "D13",
    nameZh: "轻工类",
    nameEn: "Light industry",
    majors: [
      ["印刷技术", "Printing technology"],
      ["食品加工与检验", "Food processing and inspection"],
      ["家具设计与制作", "Furniture design and production"],
    ],
  },
];

export type MajorSeed = { id: string; code: string; nameZh: string; nameEn: string; categoryCode: string };

export const categoryId = (code: string) => `${DEMO_EDITION.id}-${code}`;

/** Majors with codes D<category><nn>, e.g. "D0101"; ids derive from the edition and code. */
export const MAJORS: MajorSeed[] = CATEGORIES.flatMap((c) =>
  c.majors.map(([nameZh, nameEn], i) => {
    const code = `${c.code}${String(i + 1).padStart(2, "0")}`;
    return { id: `${DEMO_EDITION.id}-${code}`, code, nameZh, nameEn, categoryCode: c.code };
  }),
);

export const majorsOfCategory = (codes: readonly string[]) => MAJORS.filter((m) => codes.includes(m.categoryCode));
