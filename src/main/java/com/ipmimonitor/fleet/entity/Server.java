package com.ipmimonitor.fleet.entity;

import com.ipmimonitor.security.boundary.CredentialCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** A monitored machine, known by its BMC address. Credentials are optional and encrypted at rest. */
@Entity
@EntityListeners(FleetEdits.class)
@Table(name = "server")
@NamedQuery(name = Server.ALL, query = "select s from Server s order by s.name")
@NamedQuery(name = Server.BY_BMC_IP, query = "select s from Server s where s.bmcIp = :bmcIp")
public class Server {

    public static final String ALL = "Server.all";
    public static final String BY_BMC_IP = "Server.byBmcIp";
    public static final int DEFAULT_PORT = 623;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "bmc_ip", nullable = false, unique = true)
    private String bmcIp;

    @Column(name = "bmc_port", nullable = false)
    private int bmcPort = DEFAULT_PORT;

    @Column(name = "server_name", nullable = false)
    private String name;

    @Column(name = "server_ip")
    private String serverIp;

    private boolean enabled = true;

    @Column(name = "use_nvidia_password")
    private boolean nvidia;

    @Column(name = "ipmi_user")
    private String ipmiUser;

    @Column(name = "ipmi_pass_enc")
    @Convert(converter = CredentialCipher.class)
    private String ipmiPassword;

    @Column(name = "cipher_suite")
    private Integer cipherSuite;

    private String notes;

    /** A BmcProtocol code; a string column so that the database's check constraint names the allowed words. */
    @Column(nullable = false)
    private String protocol = BmcProtocol.IPMI.code();

    /** PEM CA bundle that signs the BMC's HTTPS certificate; without it the certificate is trusted on first use. */
    @Column(name = "ca_bundle")
    private String caBundle;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Server() {
    }

    public Server(String bmcIp, String name) {
        this.bmcIp = bmcIp;
        this.name = name;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    public Long getId() { return id; }
    public String getBmcIp() { return bmcIp; }
    public void setBmcIp(String bmcIp) { this.bmcIp = bmcIp; }
    public int getBmcPort() { return bmcPort; }
    public void setBmcPort(int bmcPort) { this.bmcPort = bmcPort; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getServerIp() { return serverIp; }
    public void setServerIp(String serverIp) { this.serverIp = serverIp; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isNvidia() { return nvidia; }
    public void setNvidia(boolean nvidia) { this.nvidia = nvidia; }
    public Optional<String> findIpmiUser() { return Optional.ofNullable(ipmiUser).filter(u -> !u.isBlank()); }
    public void setIpmiUser(String ipmiUser) { this.ipmiUser = ipmiUser; }
    /** Write-only from the outside world: only the collector reads it. */
    public Optional<String> findIpmiPassword() { return Optional.ofNullable(ipmiPassword).filter(p -> !p.isEmpty()); }
    public boolean hasIpmiPassword() { return findIpmiPassword().isPresent(); }
    public void setIpmiPassword(String ipmiPassword) { this.ipmiPassword = ipmiPassword; }
    public Optional<Integer> findCipherSuite() { return Optional.ofNullable(cipherSuite); }
    public void setCipherSuite(Integer cipherSuite) { this.cipherSuite = cipherSuite; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public BmcProtocol getProtocol() { return BmcProtocol.findByCode(protocol).orElse(BmcProtocol.IPMI); }
    public void setProtocol(BmcProtocol protocol) { this.protocol = protocol.code(); }
    public Optional<String> findCaBundle() { return Optional.ofNullable(caBundle).filter(b -> !b.isBlank()); }
    public void setCaBundle(String caBundle) { this.caBundle = caBundle; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
