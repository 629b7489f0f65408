package org.adaldyq.risk.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code scan} is asked to read: the files named, and every entry of the folders named, in order.
 * Nothing vanishes: each entry is a file to scan or an error record with a reason (a folder that cannot be
 * read, a FIFO, socket or device, a hidden file, a dangling link, a link leaving the folder: not followed),
 * and only regular files are ever opened (a FIFO would block the run forever).
 */
final class ScanInputs {
    /** One entry: a file to scan, or the error record that stands for it. */
    record Entry(Path file, Map<String, Object> error) {
    }

    private static final String DANGLING = "a link to nothing (or a loop of links): not followed";

    private ScanInputs() {
    }

    static List<Entry> of(List<Path> paths) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                walk(p, out);
            } else if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(error(p, "NOT_FOUND", "no such file or folder"));
            } else if (!Files.exists(p)) {
                out.add(error(p, "DANGLING_LINK", DANGLING));
            } else if (Files.isDirectory(p)) {
                walk(p.toRealPath(), out); // a link named on the command line is the user's choice
            } else if (!Files.isRegularFile(p)) {
                out.add(error(p, "NOT_A_REGULAR_FILE", "not a regular file (a FIFO, socket or device): not opened"));
            } else {
                out.add(new Entry(p, null));
            }
        }
        return out;
    }

    private static void walk(Path root, List<Entry> out) throws IOException {
        Path realRoot = root.toRealPath();
        List<Entry> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    found.add(error(dir, "HIDDEN", "hidden folder: not scanned"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().startsWith(".")) {
                    found.add(error(file, "HIDDEN", "hidden file: not scanned"));
                } else if (attrs.isSymbolicLink()) {
                    found.add(link(file, realRoot));
                } else if (attrs.isRegularFile()) {
                    found.add(new Entry(file, null));
                } else {
                    found.add(error(file, "NOT_A_REGULAR_FILE", "not a regular file (a FIFO, socket or device): not opened"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                found.add(error(file, "UNREADABLE", "cannot be read: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage())));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(java.util.Comparator.comparing(e -> e.file() != null ? e.file().toString() : String.valueOf(e.error().get("source"))));
        out.addAll(found);
    }

    /** A symbolic link inside a walked folder: scanned when it points to a regular file inside the folder. */
    private static Entry link(Path file, Path realRoot) {
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            return error(file, "DANGLING_LINK", DANGLING);
        }
        if (!target.startsWith(realRoot)) {
            return error(file, "LINK_OUT_OF_TREE", "a link out of the folder: not followed");
        }
        if (!Files.isRegularFile(target)) {
            return error(file, "NOT_A_REGULAR_FILE", "a link to something that is not a regular file: not followed");
        }
        return new Entry(file, null);
    }

    static Entry error(Path p, String reason, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.toString());
        m.put("error", message);
        m.put("reason", reason);
        return new Entry(null, m);
    }
}
