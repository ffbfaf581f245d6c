package com.ipmimonitor.web.settings;

import com.ipmimonitor.fleet.boundary.FleetChangeRejected;
import com.ipmimonitor.fleet.boundary.FleetChanges;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/** /settings, the import form: an INI or JSON file or pasted text, all or nothing, problems listed by line. */
@Named
@ViewScoped
public class ImportServersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_IMPORT_BYTES = 1024 * 1024;

    // not transient: see ServerListBacking
    @Inject FleetChanges changes;
    @Inject ServerListBacking list;

    private String importText = "";
    private String importFormat = "auto";
    private transient UploadedFile importFile;
    private List<String> importProblems = List.of();

    @PostConstruct
    void load() {
        SessionBacking.requireAdmin();
    }

    /** The uploaded file if there is one, else the pasted text; all or nothing, problems listed by line. */
    public void importServers() {
        SessionBacking.requireAdmin();
        importProblems = List.of();
        try {
            String text = importFile != null && importFile.getSize() > 0 ? fileText(importFile) : importText;
            FleetChanges.Imported imported = changes.importText(text, importFormat);
            Messages.info(imported.written() + " servers imported (" + imported.added() + " added, " + imported.updated()
                    + " updated).");
            importText = "";
            list.refresh();
        } catch (FleetChangeRejected rejected) {
            importProblems = rejected.problems();
            Messages.error(rejected.getMessage());
        } catch (IOException e) {
            importProblems = List.of(e.getMessage());
            Messages.error("the file could not be read; nothing was imported");
        }
    }

    static String fileText(UploadedFile file) throws IOException {
        if (file.getSize() > MAX_IMPORT_BYTES) {
            throw new IOException("the file is larger than " + MAX_IMPORT_BYTES / 1024 + " KiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getContent())).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("the file is not UTF-8 text");
        }
    }

    public String getImportText() { return importText; }
    public void setImportText(String importText) { this.importText = importText; }
    public String getImportFormat() { return importFormat; }
    public void setImportFormat(String importFormat) { this.importFormat = importFormat; }
    public UploadedFile getImportFile() { return importFile; }
    public void setImportFile(UploadedFile importFile) { this.importFile = importFile; }
    public List<String> getImportProblems() { return importProblems; }
}
