package org.heard.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.channels.ComposerRules;
import org.heard.channels.ComposerRules.Counting;
import org.junit.jupiter.api.Test;

/**
 * X counts a post's length by weight. The expected numbers are twitter-text's own conformance cases
 * (github.com/twitter/twitter-text, {@code conformance/validate.yml}, sections {@code lengths} and
 * {@code WeightedTweetsWithDiscountedEmojiCounterTest}).
 */
class XWeightedCountingTests {

    private final ComposerRules x = new ComposerRules(280, true, Counting.X_WEIGHTED);

    @Test
    void latinTextCountsOnePerCharacter() {
        assertThat(x.length("This is a test.")).isEqualTo(15);
    }

    @Test
    void everyUrlCountsTwentyThreeWithOrWithoutItsScheme() {
        assertThat(x.length("http://test.com")).isEqualTo(23);
        assertThat(x.length("test.com")).isEqualTo(23);
        assertThat(x.length("Test https://test.com test https://test.com test.com test"))
                .isEqualTo(86);
    }

    @Test
    void aDomainLabelLongerThanADomainMayHaveIsText() {
        assertThat(x.length("randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com"))
                .isEqualTo(68);
    }

    @Test
    void cjkCountsTwoPerCharacter() {
        var poem = "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。"
                + "旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"
                + "泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。"
                + "遥知兄弟登高处，遍插茱萸少一人。";
        assertThat(poem.codePointCount(0, poem.length())).isEqualTo(160);
        assertThat(x.length(poem)).isEqualTo(320);
        assertThat(x.length("the" + poem)).isEqualTo(323);
    }

    @Test
    void textIsNormalisedBeforeItIsCounted() {
        assertThat(x.length("A\u0301B"))
                .as("Á written as A and a combining accent")
                .isEqualTo(2);
        assertThat(x.length("A\uFB2C"))
                .as("שּׁ, which NFC writes as three characters")
                .isEqualTo(4);
    }

    @Test
    void anEmojiCountsTwoHoweverManyCodePointsItJoins() {
        assertThat(x.length("\uD83D\uDE37\uD83D\uDC7E\uD83D\uDE21\uD83D\uDD25\uD83D\uDCA9"))
                .isEqualTo(10);
        assertThat(x.length("Unicode 9.0 emoji: \uD83E\uDD20; \uD83D\uDC83; \uD83D\uDC83\uD83C\uDFFE"))
                .isEqualTo(29);
        assertThat(x.length("Unicode 10.0 emoji: \uD83E\uDD2A; \uD83E\uDDD5; \uD83E\uDDD5\uD83C\uDFFE; "
                        + "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F"))
                .isEqualTo(34);
        var family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
        assertThat(x.length(family.repeat(140))).isEqualTo(280);
    }

    @Test
    void generalPunctuationInXsRangesCountsOne() {
        assertThat(x.length("This is a tweet with general punctuation characters: "
                        + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D"
                        + " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷"))
                .isEqualTo(112);
    }

    @Test
    void directionalMarksAroundAUrlCountTwoEach() {
        assertThat(x.length("\u2066\u202Ahttp://foobar.پاکستان/\u202C\u2069")).isEqualTo(31);
    }

    @Test
    void otherCountingsAreUnchanged() {
        var cjk = "故人西辞";
        assertThat(new ComposerRules(500, false).length(cjk)).isEqualTo(4);
        assertThat(x.length(cjk)).isEqualTo(8);
    }
}
