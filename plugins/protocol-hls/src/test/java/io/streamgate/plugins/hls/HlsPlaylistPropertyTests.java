package io.streamgate.plugins.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated master playlists: every reference is found, in order, and rendering changes nothing else. */
class HlsPlaylistPropertyTests {

    private record Generated(String text, List<String> references, String expected) {}

    @Property(tries = 300)
    void findsEveryReferenceAndKeepsEverythingElse(@ForAll("playlists") Generated playlist) {
        HlsPlaylist parsed = HlsPlaylist.parse(playlist.text(), 1 << 20);

        assertThat(parsed.references()).containsExactlyElementsOf(playlist.references());
        assertThat(parsed.render(reference -> "<" + reference + ">")).isEqualTo(playlist.expected());
        assertThat(parsed.render(reference -> reference)).isEqualTo(playlist.text());
    }

    @Provide
    Arbitrary<Generated> playlists() {
        Arbitrary<String> reference = Arbitraries.strings()
                .withChars("abcXYZ019._-/?=&%:")
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(s -> s.charAt(0) != '#' && !s.isBlank());
        Arbitrary<String> newline = Arbitraries.of("\n", "\r\n");
        Arbitrary<String[]> line = Combinators.combine(Arbitraries.integers().between(0, 5), reference, newline)
                .as((kind, ref, nl) -> switch (kind) {
                    case 0 -> new String[] {"#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"a,b\"" + nl, null, null};
                    case 1 -> new String[] {"", ref, nl};
                    case 2 -> new String[] {"#EXT-X-MEDIA:TYPE=AUDIO,NAME=\"x\",URI=\"", ref, "\"" + nl};
                    case 3 -> new String[] {"#EXT-X-I-FRAME-STREAM-INF:URI=\"", ref, "\",BANDWIDTH=2" + nl};
                    case 4 -> new String[] {"# comment URI=\"" + ref.replace("\"", "") + "\"" + nl, null, null};
                    default -> new String[] {nl, null, null};
                });
        return line.list().ofMaxSize(30).map(lines -> {
            StringBuilder text = new StringBuilder("#EXTM3U\n");
            StringBuilder expected = new StringBuilder("#EXTM3U\n");
            List<String> references = new ArrayList<>();
            for (String[] parts : lines) {
                text.append(parts[0]);
                expected.append(parts[0]);
                if (parts[1] != null) {
                    references.add(parts[1]);
                    text.append(parts[1]).append(parts[2]);
                    expected.append('<').append(parts[1]).append('>').append(parts[2]);
                }
            }
            return new Generated(text.toString(), references, expected.toString());
        });
    }
}
