package io.streamgate.plugins.auth.acl;

import com.maxmind.db.CHMCache;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import inet.ipaddr.IPAddress;
import io.streamgate.plugin.api.Settings;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's GeoIP country database (a MaxMind DB file such as GeoLite2-Country.mmdb), read whole into memory
 * when a backend is made so that a check does no file I/O. Backends made from the same unchanged file share one copy;
 * a replaced file (another size, modification time or inode) is read anew by the next backend made.
 */
final class CountryDatabase {

    private static final String EXPECTED =
            "the absolute path of a MaxMind DB country database, like /var/lib/GeoIP/GeoLite2-Country.mmdb";

    // Weak, so a database no backend uses any more is freed; guarded by the class lock, which also keeps two backends
    // made at once from reading the same file twice.
    private static final Map<FileVersion, WeakReference<CountryDatabase>> LOADED = new HashMap<>();

    private final Reader reader;
    private final boolean ipv4Only;
    private final String databaseType;

    private CountryDatabase(Reader reader) {
        this.reader = reader;
        this.ipv4Only = reader.getMetadata().ipVersion() == 4;
        this.databaseType = reader.getMetadata().databaseType();
    }

    /** Reads the database named by the setting; blocks on file I/O, as {@code create} may. */
    static CountryDatabase open(Settings settings, String key) {
        String text = settings.string(key);
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw settings.invalid(key, "'" + text + "' (expected: " + EXPECTED + ")");
        }
        if (!path.isAbsolute()) {
            throw settings.invalid(key, "'" + text + "' is relative (expected: " + EXPECTED + ")");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw settings.invalid(key, "'" + text + "' does not exist (expected: " + EXPECTED + ")");
        } catch (IOException e) {
            throw settings.invalid(key, "'" + text + "' cannot be read: " + e + " (expected: " + EXPECTED + ")");
        }
        if (!attributes.isRegularFile()) {
            throw settings.invalid(key, "'" + text + "' is not a regular file (expected: " + EXPECTED + ")");
        }
        FileVersion version =
                new FileVersion(path, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        synchronized (CountryDatabase.class) {
            LOADED.values().removeIf(loaded -> loaded.get() == null);
            WeakReference<CountryDatabase> loaded = LOADED.get(version);
            CountryDatabase database = loaded == null ? null : loaded.get();
            if (database == null) {
                database = read(settings, key, text, path);
                LOADED.put(version, new WeakReference<>(database));
            }
            return database;
        }
    }

    private static CountryDatabase read(Settings settings, String key, String text, Path path) {
        Reader reader;
        try {
            // MEMORY, not the default memory map: a lookup then never touches the file, and replacing the file under a
            // running gateway cannot fault a mapped page.
            reader = new Reader(path.toFile(), Reader.FileMode.MEMORY, new CHMCache());
        } catch (IOException | RuntimeException e) {
            throw settings.invalid(key, "'" + text + "' is not a MaxMind DB file (expected: " + EXPECTED + ")");
        }
        Metadata metadata = reader.getMetadata();
        if (!holdsCountries(metadata.databaseType())) {
            throw settings.invalid(
                    key,
                    "'" + text + "' is a " + metadata.databaseType() + " database (expected: " + EXPECTED
                            + "; City and Enterprise databases also hold countries)");
        }
        CountryDatabase database = new CountryDatabase(reader);
        try {
            // One lookup walks the tree and reads a record: a truncated or corrupt file fails here, on save, rather
            // than on a viewer's request.
            database.country(AddressList.parse("0.0.0.0"));
        } catch (RuntimeException e) {
            throw settings.invalid(key, "'" + text + "' is a corrupt MaxMind DB file (expected: " + EXPECTED + ")");
        }
        return database;
    }

    private static boolean holdsCountries(String databaseType) {
        String type = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
        return type.contains("country") || type.contains("city") || type.contains("enterprise");
    }

    /**
     * The ISO code of the country the database places the client in; {@code null} when it has none (private and
     * unallocated addresses, networks without a {@code country}, IPv6 clients of an IPv4-only database).
     *
     * @throws IllegalStateException when the database cannot be read at that address
     */
    String country(IPAddress client) {
        if (ipv4Only && !client.isIPv4()) {
            // the reader would walk an IPv4 tree with an IPv6 address's leading bits and answer some IPv4 network
            return null;
        }
        InetAddress address = client.toInetAddress();
        CountryRecord record;
        try {
            record = reader.get(address, CountryRecord.class);
        } catch (IOException | RuntimeException e) {
            // a corrupt file surfaces as either, depending on where the decoder trips
            throw new IllegalStateException("GeoIP lookup of " + address.getHostAddress() + " failed", e);
        }
        return record == null || record.country() == null
                ? null
                : record.country().isoCode();
    }

    @Override
    public String toString() {
        return "CountryDatabase[" + databaseType + "]";
    }

    /** How a file is told apart from its replacement without reading it. */
    private record FileVersion(Path path, long size, FileTime modified, Object fileKey) {}

    /**
     * The part of a country or city record a check reads; the decoder skips the rest (names, continent, registered
     * country). Public, as is {@link Country}, because the decoder instantiates it by reflection.
     *
     * @param country where the database places the address
     */
    public record CountryRecord(Country country) {}

    /**
     * A record's country.
     *
     * @param isoCode its ISO 3166-1 alpha-2 code
     */
    public record Country(@MaxMindDbParameter(name = "iso_code") String isoCode) {}
}
