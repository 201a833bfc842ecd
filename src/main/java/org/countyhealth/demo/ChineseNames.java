package org.countyhealth.demo;

import java.util.Random;

/** Plausible Chinese personal and village names, drawn from a seeded random. */
final class ChineseNames {

  // Surnames weighted towards the commonest in eastern Guangdong (Hakka counties).
  private static final String[] SURNAMES =
      "黄 陈 李 刘 张 钟 叶 曾 罗 邱 温 赖 林 吴 谢 朱 古 彭 廖 杨 何 钟 邓 徐 余 王 周 丘 蓝 巫".split(" ");
  private static final String[] GIVEN =
      "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 萍 红 建 文 辉 荣 海 燕 志 国 清 梅 凤 林 春 金 德 永 新 宇 思 雨 晨 嘉"
          .split(" ");
  private static final String[] VILLAGE_FIRST =
      "上 下 东 西 南 北 新 石 黄 青 龙 凤 桂 竹 松 高 白 金 和 安 坪 岭 塘 溪".split(" ");
  private static final String[] VILLAGE_SECOND =
      "坑 岭 塘 田 坪 湖 山 溪 岗 围 洞 背 寨 陂 埔 墩 坝 村 社 口".split(" ");

  private final Random random;

  ChineseNames(Random random) {
    this.random = random;
  }

  String person() {
    String name = pick(SURNAMES) + pick(GIVEN);
    return random.nextInt(3) == 0 ? name : name + pick(GIVEN);
  }

  String village() {
    return pick(VILLAGE_FIRST) + pick(VILLAGE_SECOND);
  }

  String sex() {
    return random.nextBoolean() ? "1" : "2";
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
