/**
 * Prefecture-level divisions (GB/T 2260) used as a school's city: the capital of every province and
 * a few more, including each city that a real school name in shared/domain.md §7 needs. For the four
 * municipalities, which have no prefecture level, their districts are listed instead.
 * 新疆生产建设兵团 has none: its cities are 6590xx county-level codes under 新疆, not invented here.
 */
export type DivisionSeed = { code: string; nameZh: string; nameEn: string; authorityId: string };

const BY_AUTHORITY: Record<string, [code: string, nameZh: string, nameEn: string][]> = {
  beijing: [
    ["110101", "东城区", "Dongcheng District"], ["110102", "西城区", "Xicheng District"], ["110105", "朝阳区", "Chaoyang District"],
    ["110106", "丰台区", "Fengtai District"], ["110108", "海淀区", "Haidian District"], ["110112", "通州区", "Tongzhou District"],
    ["110114", "昌平区", "Changping District"], ["110115", "大兴区", "Daxing District"],
  ],
  tianjin: [
    ["120101", "和平区", "Heping District"], ["120103", "河西区", "Hexi District"], ["120104", "南开区", "Nankai District"],
    ["120110", "东丽区", "Dongli District"], ["120111", "西青区", "Xiqing District"], ["120113", "北辰区", "Beichen District"],
    ["120116", "滨海新区", "Binhai New Area"],
  ],
  hebei: [
    ["130100", "石家庄市", "Shijiazhuang"], ["130200", "唐山市", "Tangshan"], ["130400", "邯郸市", "Handan"], ["130500", "邢台市", "Xingtai"],
    ["130600", "保定市", "Baoding"], ["130700", "张家口市", "Zhangjiakou"], ["130900", "沧州市", "Cangzhou"], ["131000", "廊坊市", "Langfang"],
  ],
  shanxi: [
    ["140100", "太原市", "Taiyuan"], ["140200", "大同市", "Datong"], ["140400", "长治市", "Changzhi"], ["140500", "晋城市", "Jincheng"],
    ["140700", "晋中市", "Jinzhong"], ["140800", "运城市", "Yuncheng"], ["141000", "临汾市", "Linfen"],
  ],
  neimenggu: [
    ["150100", "呼和浩特市", "Hohhot"], ["150200", "包头市", "Baotou"], ["150400", "赤峰市", "Chifeng"], ["150500", "通辽市", "Tongliao"],
    ["150600", "鄂尔多斯市", "Ordos"], ["150700", "呼伦贝尔市", "Hulunbuir"],
  ],
  liaoning: [
    ["210100", "沈阳市", "Shenyang"], ["210200", "大连市", "Dalian"], ["210300", "鞍山市", "Anshan"], ["210400", "抚顺市", "Fushun"],
    ["210600", "丹东市", "Dandong"], ["210700", "锦州市", "Jinzhou"], ["210800", "营口市", "Yingkou"],
  ],
  jilin: [
    ["220100", "长春市", "Changchun"], ["220200", "吉林市", "Jilin City"], ["220300", "四平市", "Siping"], ["220500", "通化市", "Tonghua"],
    ["220700", "松原市", "Songyuan"],
  ],
  heilongjiang: [
    ["230100", "哈尔滨市", "Harbin"], ["230200", "齐齐哈尔市", "Qiqihar"], ["230300", "鸡西市", "Jixi"], ["230600", "大庆市", "Daqing"],
    ["230800", "佳木斯市", "Jiamusi"], ["231000", "牡丹江市", "Mudanjiang"],
  ],
  shanghai: [
    ["310101", "黄浦区", "Huangpu District"], ["310104", "徐汇区", "Xuhui District"], ["310107", "普陀区", "Putuo District"],
    ["310110", "杨浦区", "Yangpu District"], ["310112", "闵行区", "Minhang District"], ["310113", "宝山区", "Baoshan District"],
    ["310115", "浦东新区", "Pudong New Area"], ["310117", "松江区", "Songjiang District"],
  ],
  jiangsu: [
    ["320100", "南京市", "Nanjing"], ["320200", "无锡市", "Wuxi"], ["320300", "徐州市", "Xuzhou"], ["320400", "常州市", "Changzhou"],
    ["320500", "苏州市", "Suzhou"], ["320600", "南通市", "Nantong"], ["320900", "盐城市", "Yancheng"], ["321000", "扬州市", "Yangzhou"],
  ],
  zhejiang: [
    ["330100", "杭州市", "Hangzhou"], ["330200", "宁波市", "Ningbo"], ["330300", "温州市", "Wenzhou"], ["330400", "嘉兴市", "Jiaxing"],
    ["330500", "湖州市", "Huzhou"], ["330600", "绍兴市", "Shaoxing"], ["330700", "金华市", "Jinhua"], ["331000", "台州市", "Taizhou"],
  ],
  anhui: [
    ["340100", "合肥市", "Hefei"], ["340200", "芜湖市", "Wuhu"], ["340300", "蚌埠市", "Bengbu"], ["340400", "淮南市", "Huainan"],
    ["340500", "马鞍山市", "Ma'anshan"], ["340800", "安庆市", "Anqing"], ["341200", "阜阳市", "Fuyang"], ["341500", "六安市", "Lu'an"],
  ],
  fujian: [
    ["350100", "福州市", "Fuzhou"], ["350200", "厦门市", "Xiamen"], ["350300", "莆田市", "Putian"], ["350400", "三明市", "Sanming"],
    ["350500", "泉州市", "Quanzhou"], ["350600", "漳州市", "Zhangzhou"], ["350800", "龙岩市", "Longyan"],
  ],
  jiangxi: [
    ["360100", "南昌市", "Nanchang"], ["360200", "景德镇市", "Jingdezhen"], ["360300", "萍乡市", "Pingxiang"], ["360400", "九江市", "Jiujiang"],
    ["360500", "新余市", "Xinyu"], ["360700", "赣州市", "Ganzhou"], ["360900", "宜春市", "Yichun"], ["361100", "上饶市", "Shangrao"],
  ],
  shandong: [
    ["370100", "济南市", "Jinan"], ["370200", "青岛市", "Qingdao"], ["370300", "淄博市", "Zibo"], ["370600", "烟台市", "Yantai"],
    ["370700", "潍坊市", "Weifang"], ["371000", "威海市", "Weihai"], ["371300", "临沂市", "Linyi"], ["371700", "菏泽市", "Heze"],
  ],
  henan: [
    ["410100", "郑州市", "Zhengzhou"], ["410200", "开封市", "Kaifeng"], ["410300", "洛阳市", "Luoyang"], ["410400", "平顶山市", "Pingdingshan"],
    ["410500", "安阳市", "Anyang"], ["410700", "新乡市", "Xinxiang"], ["411300", "南阳市", "Nanyang"], ["411600", "周口市", "Zhoukou"],
  ],
  hubei: [
    ["420100", "武汉市", "Wuhan"], ["420200", "黄石市", "Huangshi"], ["420300", "十堰市", "Shiyan"], ["420500", "宜昌市", "Yichang"],
    ["420600", "襄阳市", "Xiangyang"], ["421000", "荆州市", "Jingzhou"], ["420900", "孝感市", "Xiaogan"],
  ],
  hunan: [
    ["430100", "长沙市", "Changsha"], ["430200", "株洲市", "Zhuzhou"], ["430300", "湘潭市", "Xiangtan"], ["430400", "衡阳市", "Hengyang"],
    ["430600", "岳阳市", "Yueyang"], ["430700", "常德市", "Changde"], ["431000", "郴州市", "Chenzhou"],
  ],
  guangdong: [
    ["440100", "广州市", "Guangzhou"], ["440300", "深圳市", "Shenzhen"], ["440500", "汕头市", "Shantou"], ["440600", "佛山市", "Foshan"],
    ["440900", "茂名市", "Maoming"], ["441300", "惠州市", "Huizhou"], ["441900", "东莞市", "Dongguan"], ["442000", "中山市", "Zhongshan"],
  ],
  guangxi: [
    ["450100", "南宁市", "Nanning"], ["450200", "柳州市", "Liuzhou"], ["450300", "桂林市", "Guilin"], ["450400", "梧州市", "Wuzhou"],
    ["450500", "北海市", "Beihai"], ["450900", "玉林市", "Yulin"],
  ],
  hainan: [["460100", "海口市", "Haikou"], ["460200", "三亚市", "Sanya"]],
  chongqing: [
    ["500101", "万州区", "Wanzhou District"], ["500102", "涪陵区", "Fuling District"], ["500103", "渝中区", "Yuzhong District"],
    ["500106", "沙坪坝区", "Shapingba District"], ["500107", "九龙坡区", "Jiulongpo District"], ["500108", "南岸区", "Nan'an District"],
    ["500109", "北碚区", "Beibei District"], ["500112", "渝北区", "Yubei District"],
  ],
  sichuan: [
    ["510100", "成都市", "Chengdu"], ["510300", "自贡市", "Zigong"], ["510400", "攀枝花市", "Panzhihua"], ["510500", "泸州市", "Luzhou"],
    ["510600", "德阳市", "Deyang"], ["510700", "绵阳市", "Mianyang"], ["511100", "乐山市", "Leshan"], ["511500", "宜宾市", "Yibin"],
  ],
  guizhou: [["520100", "贵阳市", "Guiyang"], ["520200", "六盘水市", "Liupanshui"], ["520300", "遵义市", "Zunyi"], ["520400", "安顺市", "Anshun"]],
  yunnan: [["530100", "昆明市", "Kunming"], ["530300", "曲靖市", "Qujing"], ["530400", "玉溪市", "Yuxi"], ["530600", "昭通市", "Zhaotong"]],
  xizang: [["540100", "拉萨市", "Lhasa"], ["540200", "日喀则市", "Xigazê"]],
  shaanxi: [
    ["610100", "西安市", "Xi'an"], ["610300", "宝鸡市", "Baoji"], ["610400", "咸阳市", "Xianyang"], ["610500", "渭南市", "Weinan"],
    ["610600", "延安市", "Yan'an"], ["610700", "汉中市", "Hanzhong"], ["610800", "榆林市", "Yulin"],
  ],
  gansu: [["620100", "兰州市", "Lanzhou"], ["620200", "嘉峪关市", "Jiayuguan"], ["620400", "白银市", "Baiyin"], ["620500", "天水市", "Tianshui"]],
  qinghai: [["630100", "西宁市", "Xining"], ["630200", "海东市", "Haidong"]],
  ningxia: [["640100", "银川市", "Yinchuan"], ["640200", "石嘴山市", "Shizuishan"], ["640300", "吴忠市", "Wuzhong"]],
  xinjiang: [["650100", "乌鲁木齐市", "Ürümqi"], ["650200", "克拉玛依市", "Karamay"]],
  xpcc: [],
};

export const DIVISIONS: DivisionSeed[] = Object.entries(BY_AUTHORITY).flatMap(([authorityId, rows]) =>
  rows.map(([code, nameZh, nameEn]) => ({ code, nameZh, nameEn, authorityId })),
);

export const divisionsOf = (authorityId: string): DivisionSeed[] =>
  DIVISIONS.filter((d) => d.authorityId === authorityId);

export const divisionByCode = new Map(DIVISIONS.map((d) => [d.code, d]));
