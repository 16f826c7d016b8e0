package io.tagbase.governance;

import java.util.HashMap;
import java.util.Map;

/**
 * A small, table-driven romanisation (pinyin without tones) of the characters common in customer
 * tag names: about 600 characters for customers, value, spending, channels, lifecycle, regions and
 * products. It is not a general converter: a character outside the table is kept as it is, and
 * characters with several readings get the one usual in tag names (行 as xing, 长 as chang, 重 as
 * zhong). Good enough to make 高价值客户 and "gaojiazhi" meet; see docs/governance.md.
 */
final class Pinyin {
  private static final String TABLE =
      "a:阿啊;ai:爱;an:安按岸;ang:昂;ao:奥澳;ba:八吧把巴;bai:白百拜;ban:半办班版;bang:帮榜;"
          + "bao:保报包宝饱;bei:北被备背倍贝;ben:本;bi:比笔必币闭;bian:变边便;biao:标表;bie:别;"
          + "bin:宾彬滨;bing:并病冰;bo:博波播;bu:不部步布补;cai:才采菜财彩;can:参餐;cang:藏;"
          + "cao:草;ce:测策册侧;ceng:层曾;cha:查茶差;chan:产;chang:长常场厂畅;chao:超潮朝;"
          + "che:车;chen:沉晨陈;cheng:成城程乘诚称橙;chi:持迟;chong:充冲;chou:筹;chu:出初处除;"
          + "chuan:传穿川;chuang:创;chun:春纯;ci:次此词;cong:从聪;cu:促;cui:催;cun:存;da:大达打;"
          + "dai:代待带贷袋;dan:单但淡蛋;dang:当党档;dao:到道导岛;de:的得德;deng:等登灯;di:地低第底迪;"
          + "dian:点店电典;diao:调;ding:订定顶;dong:动东冬懂;dou:都豆;du:度独读;duan:段端短断;"
          + "dui:对队兑;duo:多;e:额;er:二儿耳;fa:发法;fan:反返范饭;fang:方访放房芳;fei:费非肥飞;"
          + "fen:分份芬粉;feng:风峰丰;fu:付服复富福副妇负;gai:改;gan:感干;gang:刚港;gao:高告;"
          + "ge:个格各歌;gen:跟;geng:更;gong:公工功共供;gou:购够;gu:顾股古固;gua:挂;guan:关管观;"
          + "guang:广光;gui:规贵桂柜;guo:国过果;hai:海还孩;han:汉含;hang:航;hao:好号豪;he:合和何河;"
          + "hei:黑;hong:红宏;hou:后候;hu:户互湖沪护;hua:华化花话划;huan:欢换环;huang:黄;hui:会回惠汇辉;"
          + "huo:活获火货或;ji:级机积基计记季集几急即鸡纪;jia:价家加佳假;jian:间建件简减健渐见;"
          + "jiang:降奖江将;jiao:交较教;jie:节结接杰街借姐;jin:金近进今津锦紧;jing:京经精净静境;"
          + "jiu:就久旧酒九;ju:居据聚具局;juan:卷娟;jue:绝决;jun:军均俊;ka:卡咖;kai:开凯;kan:看;"
          + "kang:康;kao:考靠;ke:客可课科;kong:空控孔;kou:口扣;kuai:快;kuan:款宽;kuang:况;la:拉;"
          + "lai:来;lan:兰蓝;lao:老;le:了乐;lei:类累;leng:冷;li:力理利里丽李立礼历;lian:连联;"
          + "liang:量两亮良;liao:了料;lin:林临;ling:领零龄玲;liu:流留六刘;long:龙;lou:楼;lu:路录陆;"
          + "lv:率旅绿;ma:马码妈;mai:买卖;man:满慢;mao:毛猫贸;mei:美每没梅;men:门们;meng:梦;mi:密米;"
          + "mian:面免;miao:秒;min:民敏;ming:名明命;mo:模末;mu:母目木;na:那娜拿;nan:男南难;nei:内;"
          + "neng:能;ni:你拟;nian:年;niu:牛;nong:农;nv:女;ou:欧;pai:派排牌;pan:盼;pei:配;pin:品频拼;"
          + "ping:平评苹萍;po:破;pu:普浦;qi:期其起企七汽奇琪;qian:前千潜钱签欠倩;qiang:强;qiao:桥;"
          + "qie:且;qin:亲勤;qing:青清情轻庆;qiu:求秋;qu:区取去渠;quan:全权券;que:确缺;qun:群裙;"
          + "ran:然;re:热;ren:人认任;ri:日;rong:容荣;ru:入如;ruan:软;rui:锐;run:润;san:三;sao:扫;"
          + "se:色;sha:沙;shan:山闪善;shang:上商尚;shao:少;she:社设;shen:深身神审;sheng:生省胜升;"
          + "shi:时是实使市失师式十识始试世事示视;shou:首收手售受;shu:数属书术;shuang:双霜;shui:水税;"
          + "shuo:说;si:四思私司;song:送宋;su:苏速素;suan:算;sui:随岁;sun:损;suo:所;ta:他她它;"
          + "tai:台太态;tan:探;tang:堂;tao:套淘涛;te:特;ti:提体题;tian:天田;tiao:条跳;tie:铁;ting:停;"
          + "tong:通同统童;tou:投头;tu:图突;tuan:团;tui:推退;wai:外;wan:万完晚;wang:王网往望;"
          + "wei:为微未位维伟卫;wen:文温问;wo:我;wu:无五物午武务;xi:西喜系息析熙曦希习;xia:下夏霞;"
          + "xian:先线现限险鲜;xiang:相向想项享香;xiao:小销消校效;xie:鞋谢协;xin:新信心欣鑫;"
          + "xing:性行型兴星姓幸;xiong:雄;xiu:休秀;xu:需续许序;xuan:选轩;xue:学雪;xun:讯;ya:压雅;"
          + "yan:验严言颜延燕艳研;yang:样洋羊阳养;yao:要药;ye:业也页叶夜;yi:一已以易意疑移义亿忆;"
          + "yin:银因音引;ying:营应英影赢;yong:用永勇拥;you:有优友游邮由油又;yu:预域语雨余鱼娱玉育宇;"
          + "yuan:员元源原远院愿园;yue:月越约跃;yun:运云;za:杂;zai:在再;zan:暂;zao:早;ze:则责;"
          + "zeng:增赠;zha:诈;zhan:占展站;zhang:长张账章;zhao:招赵照;zhe:者这折;zhen:真珍;"
          + "zheng:正证政整郑;zhi:值支知直指制质职只智;zhong:中重众忠终种钟;zhou:周州;zhu:注主住助;"
          + "zhuan:专转;zhuang:装妆;zhun:准;zi:子自资字;zong:总综;zou:走;zu:组族足;zui:最;zun:尊;"
          + "zuo:做作坐";

  private static final Map<Character, String> READINGS = readings();

  private Pinyin() {}

  /** The romanisation of {@code text}: known characters as pinyin, everything else lower-cased. */
  static String of(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String reading = READINGS.get(c);
      if (reading != null) {
        out.append(reading);
      } else if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /** Whether every Chinese character in {@code text} is in the table. */
  static boolean covers(String text) {
    return text.chars()
        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        .allMatch(c -> READINGS.containsKey((char) c));
  }

  private static Map<Character, String> readings() {
    Map<Character, String> map = new HashMap<>();
    for (String group : TABLE.split(";")) {
      String[] parts = group.split(":");
      for (char c : parts[1].toCharArray()) {
        map.putIfAbsent(c, parts[0]);
      }
    }
    return map;
  }
}
