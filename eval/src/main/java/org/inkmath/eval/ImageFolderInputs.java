package org.inkmath.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.inkmath.recognizer.ModelInput;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageInput;
import org.inkmath.recognizer.train.Sample;

/**
 * Offline images as CROHME publishes them: {@code NAME.png} in one folder, white ink on black.
 * They are read as they are (as the trainer reads the 2014 images) and only fitted into the
 * model's size range; photos or dark-on-light scans belong to {@code inkmath recognize}, which
 * binarises and inverts them.
 *
 * <pre>{@code
 * ModelInputs inputs = new ImageFolderInputs(Path.of("../shared/crohme/2014/img"));
 * GrayImage input = inputs.read("18_em_0");
 * }</pre>
 *
 * @param folder the folder of images
 */
public record ImageFolderInputs(Path folder) implements ModelInputs {

    public ImageFolderInputs {
        folder = folder.normalize();
    }

    @Override
    public String description() {
        return "images " + folder + "/NAME.png";
    }

    /** The names of the folder's PNG files, sorted. */
    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.png")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                names.add(n.substring(0, n.length() - ".png".length()));
            }
        } catch (IOException e) {
            // an unreadable folder has no names; each read then says why
        }
        return names;
    }

    @Override
    public Sample.Source source(String name) throws IOException {
        Path file = folder.resolve(name + ".png").normalize();
        if (!file.getParent().equals(folder)) {
            // a name such as ../x would reach outside the folder
            throw new IOException("the name " + name + " does not lie in " + folder);
        }
        return new Sample.ImageSource(GrayImage.of(decode(file)));
    }

    /** Decodes after checking the size in the header, so that a huge image is refused cheaply. */
    static BufferedImage decode(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no image " + file, e);
        }
        if (size > ModelInput.MAX_FILE_BYTES) {
            throw new IOException(file + ": " + size + " bytes is more than the " + ModelInput.MAX_FILE_BYTES + " accepted");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image in a known format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > ImageInput.MAX_PIXELS || pixels == 0) {
                    throw new IOException(file + ": " + reader.getWidth(0) + " x " + reader.getHeight(0)
                            + " pixels is outside the accepted size (at most " + ImageInput.MAX_PIXELS + ")");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": cannot decode the image: " + e.getMessage(), e);
        }
    }
}
