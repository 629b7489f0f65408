package org.adaldyq.risk.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KazakhNormalizerTest {

    @Test
    void latinLettersInsideCyrillicWordsBecomeKazakhLetters() {
        // From kz-laws 104440 and 17717: Latin i and Y typed for і and Ү.
        assertThat(KazakhNormalizer.normalize("тiкелей мүмкiн Yкiметi")).isEqualTo("тікелей мүмкін Үкіметі");
        assertThat(KazakhNormalizer.normalize("мүмкiн")).isEqualTo("мүмкін");
        assertThat(KazakhNormalizer.normalize("Шаhар")).isEqualTo("Шаһар");
        assertThat(KazakhNormalizer.normalize("Aгенттiк")).isEqualTo("Агенттік"); // Latin A look-alike
    }

    @Test
    void englishWordsAndLatinAbbreviationsStayAsTheyAre() {
        String s = "Заң (Law on investment), CEO iPhone және ЕСКЕРТУ N 466";
        assertThat(KazakhNormalizer.normalize(s)).isEqualTo(s);
    }

    @Test
    void aMixedWordWithALatinLetterThatHasNoTwinIsLeftAlone() {
        assertThat(KazakhNormalizer.normalize("qазiр")).isEqualTo("qазiр");
    }

    @Test
    void lengthAndOffsetsNeverChange() {
        Random random = new Random(42);
        String alphabet = "абвгдеәғқңөұүһіiIyYhHaeopcxAEOPCXKM qwerty.,-1234\n";
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(80);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String in = sb.toString();
            String out = KazakhNormalizer.normalize(in);
            assertThat(out).hasSameSizeAs(in);
            for (int i = 0; i < in.length(); i++) {
                if (!Character.isLetter(in.charAt(i))) {
                    assertThat(out.charAt(i)).isEqualTo(in.charAt(i));
                }
            }
        }
    }

    @Test
    void inPlaceVariantWorksOnASliceOfABuffer() {
        char[] buf = "xxмүмкiнxx".toCharArray();
        int changed = KazakhNormalizer.normalize(buf, 2, 6);
        assertThat(changed).isEqualTo(1);
        assertThat(new String(buf)).isEqualTo("xxмүмкінxx");
    }
}
