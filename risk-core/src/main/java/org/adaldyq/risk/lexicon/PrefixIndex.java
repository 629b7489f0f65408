package org.adaldyq.risk.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Patterns keyed by a word prefix, found by walking a word's letters once (a trie): no substring is
 * built per token, which a map of prefixes would need for every prefix length.
 */
final class PrefixIndex<T> {
    private char[] letters = new char[0];
    private PrefixIndex<T>[] children = newArray(0);
    private List<T> values = List.of();

    void add(String prefix, T value) {
        PrefixIndex<T> node = this;
        for (int i = 0; i < prefix.length(); i++) {
            node = node.childOrCreate(prefix.charAt(i));
        }
        if (node.values.isEmpty()) {
            node.values = new ArrayList<>();
        }
        node.values.add(value);
    }

    /** Calls {@code action} with the values of every indexed prefix of {@code word}, shortest first. */
    void forEachPrefixOf(String word, Consumer<List<T>> action) {
        PrefixIndex<T> node = this;
        for (int i = 0; i < word.length(); i++) {
            int at = Arrays.binarySearch(node.letters, word.charAt(i));
            if (at < 0) {
                return;
            }
            node = node.children[at];
            if (!node.values.isEmpty()) {
                action.accept(node.values);
            }
        }
    }

    boolean isEmpty() {
        return letters.length == 0;
    }

    private PrefixIndex<T> childOrCreate(char c) {
        int at = Arrays.binarySearch(letters, c);
        if (at >= 0) {
            return children[at];
        }
        int insert = -at - 1;
        char[] l = new char[letters.length + 1];
        PrefixIndex<T>[] ch = newArray(children.length + 1);
        System.arraycopy(letters, 0, l, 0, insert);
        System.arraycopy(children, 0, ch, 0, insert);
        l[insert] = c;
        ch[insert] = new PrefixIndex<>();
        System.arraycopy(letters, insert, l, insert + 1, letters.length - insert);
        System.arraycopy(children, insert, ch, insert + 1, children.length - insert);
        letters = l;
        children = ch;
        return ch[insert];
    }

    @SuppressWarnings("unchecked")
    private static <T> PrefixIndex<T>[] newArray(int n) {
        return (PrefixIndex<T>[]) new PrefixIndex<?>[n];
    }
}
