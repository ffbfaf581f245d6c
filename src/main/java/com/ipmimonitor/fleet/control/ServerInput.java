package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.BmcProtocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the fields of a server as an operator types them. The original accepted only dotted IPv4;
 * BMCs are also reached by host name and IPv6.
 */
public final class ServerInput {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    /*
     * The longest text each field may hold, in UTF-16 units (String.length(), never fewer than the code points
     * PostgreSQL counts), the same numbers as the columns and CHECK constraints of table server (V1, V9). IPMI 2.0
     * allows 16 bytes of user name and 20 of password; the rest is headroom, not an invitation.
     */
    public static final int MAX_ADDRESS = 255;
    public static final int MAX_NAME = 255;
    public static final int MAX_USER = 64;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_NOTES = 4000;
    /** The original API's ssh_* keys, checked and not stored (see ServerEntry.LEGACY_KEYS). */
    public static final int MAX_SSH_KEY = 16384;
    // how much of a refused value a message repeats: enough to recognise it, never a 10 MB echo
    private static final int SHOWN = 40;
    static final int MAX_CIPHER_SUITE = 17;

    private ServerInput() {
    }

    public static boolean isAddress(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.contains(":")) {
            return isIpv6(value);
        }
        if (value.matches("[\\d.]+")) {
            return IPV4.matcher(value).matches();
        }
        return HOSTNAME.matcher(value).matches();
    }

    /** RFC 4291 text forms: eight groups, or fewer around one "::", optionally ending in dotted IPv4. */
    static boolean isIpv6(String value) {
        int gap = value.indexOf("::");
        if (gap != value.lastIndexOf("::") || value.contains(":::")) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        for (String half : gap < 0 ? new String[] {value} : new String[] {value.substring(0, gap), value.substring(gap + 2)}) {
            if (!half.isEmpty()) {
                groups.addAll(List.of(half.split(":", -1)));
            }
        }
        int size = 0;
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (i == groups.size() - 1 && value.endsWith(g) && IPV4.matcher(g).matches()) {
                size += 2;
            } else if (HEX_GROUP.matcher(g).matches()) {
                size += 1;
            } else {
                return false;
            }
        }
        return gap < 0 ? size == 8 : size < 8;
    }

    /** Problems with the given fields, empty when they are fine. */
    public static List<String> problems(String bmcIp, Integer port, String name, String serverIp) {
        List<String> problems = new ArrayList<>();
        if (bmcIp != null && bmcIp.length() > MAX_ADDRESS) {
            problems.add(tooLong("bmc_ip", MAX_ADDRESS));
        } else if (!isAddress(bmcIp)) {
            problems.add("bmc_ip must be an IPv4/IPv6 address or host name, got " + shown(bmcIp));
        }
        if (port != null && (port < 1 || port > 65535)) {
            problems.add("port must be between 1 and 65535, got " + port);
        }
        lengthProblem("server_name", name, MAX_NAME).ifPresent(problems::add);
        nulProblem("server_name", name).ifPresent(problems::add);
        if (serverIp != null && serverIp.length() > MAX_ADDRESS) {
            problems.add(tooLong("server_ip", MAX_ADDRESS));
        } else if (serverIp != null && !serverIp.isBlank() && !isAddress(serverIp)) {
            problems.add("server_ip must be an address or host name, got " + shown(serverIp));
        }
        return problems;
    }

    /** Problems with the fields {@link #problems} does not look at, empty when they are fine. */
    public static List<String> settingProblems(String ipmiUser, String ipmiPass, Integer cipherSuite, String notes) {
        List<String> problems = new ArrayList<>();
        lengthProblem("ipmi_user", ipmiUser, MAX_USER).ifPresent(problems::add);
        lengthProblem("ipmi_pass", ipmiPass, MAX_PASSWORD).ifPresent(problems::add);
        lengthProblem("notes", notes, MAX_NOTES).ifPresent(problems::add);
        if (cipherSuite != null && (cipherSuite < 0 || cipherSuite > MAX_CIPHER_SUITE)) {
            problems.add("cipher_suite must be between 0 and " + MAX_CIPHER_SUITE + ", got " + cipherSuite);
        }
        nulProblem("ipmi_user", ipmiUser).ifPresent(problems::add);
        nulProblem("ipmi_pass", ipmiPass).ifPresent(problems::add);
        nulProblem("notes", notes).ifPresent(problems::add);
        return problems;
    }

    /** The longest CA bundle: a handful of PEM certificates (about 2 KB each) with room to spare. */
    public static final int MAX_CA_BUNDLE = 65536;

    /**
     * Problems with protocol (ipmi, redfish or auto) and ca_bundle (PEM certificates), empty when they are fine;
     * null is "not given" for both, and a blank bundle removes the server's own.
     */
    public static List<String> protocolProblems(String protocol, String caBundle) {
        List<String> problems = new ArrayList<>();
        if (protocol != null && BmcProtocol.findByCode(protocol).isEmpty()) {
            problems.add("protocol must be ipmi, redfish or auto, got " + shown(protocol));
        }
        if (caBundle != null && caBundle.length() > MAX_CA_BUNDLE) {
            problems.add(tooLong("ca_bundle", MAX_CA_BUNDLE));
        } else if (caBundle != null && !caBundle.isBlank() && !holdsCertificates(caBundle)) {
            problems.add("ca_bundle must hold PEM certificates (-----BEGIN CERTIFICATE----- ...)");
        }
        return problems;
    }

    private static boolean holdsCertificates(String pem) {
        if (pem.indexOf('\0') >= 0 || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return false;
        }
        try {
            return !CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty();
        } catch (CertificateException e) {
            return false;
        }
    }

    /** Problems with the original API's ssh_* fields, which are checked like the others and then ignored. */
    public static List<String> legacyProblems(String sshUser, String sshKey, Integer sshPort) {
        List<String> problems = new ArrayList<>();
        lengthProblem("ssh_user", sshUser, MAX_USER).ifPresent(problems::add);
        lengthProblem("ssh_key", sshKey, MAX_SSH_KEY).ifPresent(problems::add);
        if (sshPort != null && (sshPort < 1 || sshPort > 65535)) {
            problems.add("ssh_port must be between 1 and 65535, got " + sshPort);
        }
        return problems;
    }

    /** A refused value as messages quote it: cut after a few dozen characters. */
    static String shown(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value) + "'";
    }

    private static Optional<String> lengthProblem(String field, String value, int max) {
        return value != null && value.length() > max ? Optional.of(tooLong(field, max)) : Optional.empty();
    }

    private static String tooLong(String field, int max) {
        return field + " is longer than " + max + " characters";
    }

    // PostgreSQL text cannot hold U+0000 (the insert would fail with a 500 instead of this 400), nor can a process
    // environment: the password goes to ipmitool in IPMI_PASSWORD, and Java's refusal quotes the value
    private static Optional<String> nulProblem(String field, String value) {
        return value != null && value.indexOf('\0') >= 0
                ? Optional.of(field + " must not contain a NUL character (\\u0000)") : Optional.empty();
    }
}
