import type { Ownership, SchoolTier, SponsorType } from "../../lib/kernel/enums";

/**
 * Real school names from shared/domain.md §7, in their province with the tier their name says.
 * Only the name, province, tier and (where noted) sponsor are taken from the sources; every other
 * field the seed gives them (codes, figures, dates, addresses) is illustrative.
 */
export type RealSchool = {
  authorityId: string;
  nameZh: string;
  nameEn: string;
  divisionCode: string;
  tier: SchoolTier;
  ownership?: Ownership;
  sponsorType?: SponsorType;
  sponsorName?: string;
  altNames?: string[];
  /** An upgrade from the tier below, with the name held before it (a TIER_CHANGE row). */
  upgrade?: { year: number; fromTier: SchoolTier; fromName: string };
};

const TC = "TECHNICIAN_COLLEGE" as const;
const ST = "SENIOR_TECHNICAL_SCHOOL" as const;
const TS = "TECHNICAL_SCHOOL" as const;

export const REAL_SCHOOLS: RealSchool[] = [
  { authorityId: "beijing", nameZh: "北京市工业技师学院", nameEn: "Beijing Industrial Technician College", divisionCode: "110105", tier: TC },
  { authorityId: "hebei", nameZh: "邢台市技师学院", nameEn: "Xingtai Technician College", divisionCode: "130500", tier: TC },
  { authorityId: "heilongjiang", nameZh: "哈尔滨技师学院", nameEn: "Harbin Technician College", divisionCode: "230100", tier: TC },
  { authorityId: "heilongjiang", nameZh: "哈尔滨工业高级技工学校", nameEn: "Harbin Industrial Senior Technical School", divisionCode: "230100", tier: ST },
  { authorityId: "jiangsu", nameZh: "江苏省常州技师学院", nameEn: "Jiangsu Changzhou Technician College", divisionCode: "320400", tier: TC },
  { authorityId: "jiangsu", nameZh: "江苏省仪征技师学院", nameEn: "Jiangsu Yizheng Technician College", divisionCode: "321000", tier: TC },
  { authorityId: "jiangsu", nameZh: "苏州技师学院", nameEn: "Suzhou Technician College", divisionCode: "320500", tier: TC },
  { authorityId: "jiangsu", nameZh: "江苏汽车技师学院", nameEn: "Jiangsu Automotive Technician College", divisionCode: "320400", tier: TC },
  { authorityId: "jiangsu", nameZh: "江苏省宜兴高级技工学校", nameEn: "Jiangsu Yixing Senior Technical School", divisionCode: "320200", tier: ST },
  { authorityId: "zhejiang", nameZh: "杭州技师学院", nameEn: "Hangzhou Technician College", divisionCode: "330100", tier: TC },
  { authorityId: "zhejiang", nameZh: "浙江省机电技师学院", nameEn: "Zhejiang Mechanical and Electrical Technician College", divisionCode: "330100", tier: TC },
  { authorityId: "zhejiang", nameZh: "台州第一技师学院", nameEn: "Taizhou No. 1 Technician College", divisionCode: "331000", tier: TC },
  { authorityId: "zhejiang", nameZh: "台州技师学院", nameEn: "Taizhou Technician College", divisionCode: "331000", tier: TC },
  { authorityId: "zhejiang", nameZh: "湖州工程技师学院", nameEn: "Huzhou Engineering Technician College", divisionCode: "330500", tier: TC },
  { authorityId: "zhejiang", nameZh: "安吉技师学院", nameEn: "Anji Technician College", divisionCode: "330500", tier: TC },
  { authorityId: "zhejiang", nameZh: "海宁技师学院", nameEn: "Haining Technician College", divisionCode: "330400", tier: TC },
  { authorityId: "zhejiang", nameZh: "永康五金技师学院", nameEn: "Yongkang Hardware Technician College", divisionCode: "330700", tier: TC },
  { authorityId: "zhejiang", nameZh: "杭州汽车高级技工学校", nameEn: "Hangzhou Automotive Senior Technical School", divisionCode: "330100", tier: ST },
  { authorityId: "zhejiang", nameZh: "诸暨技师学院", nameEn: "Zhuji Technician College", divisionCode: "330600", tier: TC },
  { authorityId: "anhui", nameZh: "安徽桐城高级技工学校", nameEn: "Anhui Tongcheng Senior Technical School", divisionCode: "340800", tier: ST },
  {
    authorityId: "anhui",
    nameZh: "芜湖奇瑞技工学校",
    nameEn: "Wuhu Chery Technical School",
    divisionCode: "340200",
    tier: TS,
    ownership: "PUBLIC",
    sponsorType: "ENTERPRISE",
    sponsorName: "奇瑞汽车股份有限公司",
  },
  { authorityId: "fujian", nameZh: "福建技师学院", nameEn: "Fujian Technician College", divisionCode: "350100", tier: TC },
  {
    authorityId: "fujian",
    nameZh: "福建省飞毛腿高级技工学校",
    nameEn: "Fujian SCUD Senior Technical School",
    divisionCode: "350100",
    tier: ST,
    ownership: "PRIVATE",
    sponsorType: "ENTERPRISE",
    upgrade: { year: 2020, fromTier: TS, fromName: "福建省飞毛腿技工学校" },
  },
  { authorityId: "jiangxi", nameZh: "赣州技师学院", nameEn: "Ganzhou Technician College", divisionCode: "360700", tier: TC },
  { authorityId: "shandong", nameZh: "山东工业技师学院", nameEn: "Shandong Industrial Technician College", divisionCode: "370700", tier: TC },
  { authorityId: "shandong", nameZh: "临沂市技师学院", nameEn: "Linyi Technician College", divisionCode: "371300", tier: TC },
  { authorityId: "shandong", nameZh: "鲁南技师学院", nameEn: "Lunan Technician College", divisionCode: "371300", tier: TC },
  { authorityId: "shandong", nameZh: "山东交通技师学院", nameEn: "Shandong Transport Technician College", divisionCode: "371300", tier: TC },
  { authorityId: "shandong", nameZh: "莱芜技师学院", nameEn: "Laiwu Technician College", divisionCode: "370100", tier: TC },
  { authorityId: "shandong", nameZh: "文登技师学院", nameEn: "Wendeng Technician College", divisionCode: "371000", tier: TC },
  { authorityId: "shandong", nameZh: "菏泽高级技工学校", nameEn: "Heze Senior Technical School", divisionCode: "371700", tier: ST },
  {
    authorityId: "shandong",
    nameZh: "山东蓝翔高级技工学校",
    nameEn: "Shandong Lanxiang Senior Technical School",
    divisionCode: "370100",
    tier: ST,
    ownership: "PRIVATE",
    sponsorType: "PRIVATE_ENTITY",
  },
  { authorityId: "henan", nameZh: "郑州财经技师学院", nameEn: "Zhengzhou Finance and Economics Technician College", divisionCode: "410100", tier: TC },
  { authorityId: "hubei", nameZh: "湖北新产业技师学院", nameEn: "Hubei New Industry Technician College", divisionCode: "420100", tier: TC },
  {
    authorityId: "hunan",
    nameZh: "湖南建筑高级技工学校",
    nameEn: "Hunan Construction Senior Technical School",
    divisionCode: "430100",
    tier: ST,
    sponsorType: "INDUSTRY",
  },
  { authorityId: "guangdong", nameZh: "广州市工贸技师学院", nameEn: "Guangzhou Industry and Trade Technician College", divisionCode: "440100", tier: TC },
  { authorityId: "guangdong", nameZh: "广东省机械技师学院", nameEn: "Guangdong Machinery Technician College", divisionCode: "440100", tier: TC },
  { authorityId: "guangdong", nameZh: "广东省技师学院", nameEn: "Guangdong Technician College", divisionCode: "440100", tier: TC },
  {
    authorityId: "guangdong",
    nameZh: "广州市机电技师学院",
    nameEn: "Guangzhou Mechanical and Electrical Technician College",
    divisionCode: "440100",
    tier: TC,
  },
  { authorityId: "guangdong", nameZh: "广州市轻工技师学院", nameEn: "Guangzhou Light Industry Technician College", divisionCode: "440100", tier: TC },
  { authorityId: "guangdong", nameZh: "深圳技师学院", nameEn: "Shenzhen Technician College", divisionCode: "440300", tier: TC },
  { authorityId: "guangdong", nameZh: "东莞技师学院", nameEn: "Dongguan Technician College", divisionCode: "441900", tier: TC },
  { authorityId: "guangdong", nameZh: "中山市技师学院", nameEn: "Zhongshan Technician College", divisionCode: "442000", tier: TC },
  {
    authorityId: "guangdong",
    nameZh: "广东省交通运输高级技工学校",
    nameEn: "Guangdong Transport Senior Technical School",
    divisionCode: "440100",
    tier: ST,
    sponsorType: "OTHER_GOVERNMENT",
  },
  { authorityId: "guangdong", nameZh: "茂名市高级技工学校", nameEn: "Maoming Senior Technical School", divisionCode: "440900", tier: ST },
  {
    authorityId: "guangxi",
    nameZh: "广西交通技师学院",
    nameEn: "Guangxi Transport Technician College",
    divisionCode: "450100",
    tier: TC,
    sponsorType: "OTHER_GOVERNMENT",
  },
  { authorityId: "guangxi", nameZh: "广西机电技师学院", nameEn: "Guangxi Mechanical and Electrical Technician College", divisionCode: "450100", tier: TC },
  { authorityId: "chongqing", nameZh: "重庆五一技师学院", nameEn: "Chongqing Wuyi Technician College", divisionCode: "500103", tier: TC },
  { authorityId: "sichuan", nameZh: "成都市技师学院", nameEn: "Chengdu Technician College", divisionCode: "510100", tier: TC },
  // Carries two names at once (domain.md §1): 云南技师学院 = 云南工贸职业技术学院.
  { authorityId: "yunnan", nameZh: "云南技师学院", nameEn: "Yunnan Technician College", divisionCode: "530100", tier: TC, altNames: ["云南工贸职业技术学院"] },
  { authorityId: "shaanxi", nameZh: "西安技师学院", nameEn: "Xi'an Technician College", divisionCode: "610100", tier: TC },
  {
    authorityId: "shaanxi",
    nameZh: "陕西交通技师学院",
    nameEn: "Shaanxi Transport Technician College",
    divisionCode: "610100",
    tier: TC,
    sponsorType: "OTHER_GOVERNMENT",
  },
];
