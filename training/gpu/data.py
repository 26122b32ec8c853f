"""The data pack written by `./inkmath export-data` (org.inkmath.recognizer.train.TrainingPack),
and batches made from it the way the Java DataPipeline makes them: scale augmentation, fitting
into the model's size range, batches of similar area under image and pixel limits.

Scale augmentation here resizes the stored base-scale rendering (area resampling, as the Java
ImageOps.resize) instead of rendering the ink again at that scale as the Java trainer does; the
result is slightly blurrier when enlarged (grey edges instead of a crisp wider pen).
"""
import json
import math

import numpy as np

FORMAT = "inkmath-pack"
MIN_HEIGHT, MAX_HEIGHT = 16, 256
MIN_WIDTH, MAX_WIDTH = 16, 1024


def java_round(x):
    """Java's Math.round for the positive values used here: floor(x + 0.5)."""
    return int(math.floor(x + 0.5))


def model_range_size(h, w):
    """The (height, width) that the Java ImageOps.fitToModelRange gives an image of h x w."""
    f = 1.0
    if h > MAX_HEIGHT or w > MAX_WIDTH:
        f = min(MAX_HEIGHT / h, MAX_WIDTH / w)
    elif h < MIN_HEIGHT or w < MIN_WIDTH:
        f = min(max(MIN_HEIGHT / h, MIN_WIDTH / w), min(MAX_HEIGHT / h, MAX_WIDTH / w))
    if f == 1.0:
        return h, w
    return (min(max(java_round(h * f), 1), MAX_HEIGHT), min(max(java_round(w * f), 1), MAX_WIDTH))


def _resample_rows(image, n_out):
    """Area resampling along axis 1 of a float64 [h, n_in] array: output cell x is the mean of the
    input over [x s, (x+1) s), s = n_in / n_out, read off the running integral of each row."""
    n_in = image.shape[1]
    s = n_in / n_out
    integral = np.zeros((image.shape[0], n_in + 1))
    np.cumsum(image, axis=1, out=integral[:, 1:])
    padded = np.concatenate([image, np.zeros((image.shape[0], 1))], axis=1)

    def at(u):
        u = np.minimum(u, n_in)
        whole = np.floor(u).astype(np.int64)
        return integral[:, whole] + (u - whole) * padded[:, whole]

    a = np.arange(n_out) * s
    return (at(a + s) - at(a)) / s


def resize(image, h, w):
    """Area resampling of a uint8 image to h x w (the Java ImageOps.resize), rounded to uint8."""
    if image.shape == (h, w):
        return image
    out = image.astype(np.float64)
    if out.shape[1] != w:
        out = _resample_rows(out, w)
    if out.shape[0] != h:
        out = _resample_rows(out.T, h).T
    return np.clip(np.floor(out + 0.5), 0, 255).astype(np.uint8)


class Split:
    """One side of the pack: images, their names and captions (token ids)."""

    def __init__(self, z, prefix, data_name, packed):
        self.names = [str(n) for n in z[prefix + "_names"]]
        self.shapes = np.asarray(z[prefix + "_shapes"], dtype=np.int64).reshape(-1, 2)
        self.data = np.asarray(z[data_name])
        self.offsets = np.asarray(z[prefix + "_offsets"], dtype=np.int64)
        self.tokens = np.asarray(z[prefix + "_tokens"], dtype=np.int64)
        self.token_offsets = np.asarray(z[prefix + "_token_offsets"], dtype=np.int64)
        self.packed = packed
        n = len(self.names)
        if len(self.shapes) != n or len(self.offsets) != n + 1 or len(self.token_offsets) != n + 1:
            raise ValueError(f"pack: the {prefix} arrays disagree on the number of images")

    def __len__(self):
        return len(self.names)

    def image(self, i):
        """Image i as uint8 [h, w], ink 255 on 0."""
        h, w = (int(v) for v in self.shapes[i])
        chunk = self.data[self.offsets[i]:self.offsets[i + 1]]
        if self.packed:
            return (np.unpackbits(chunk, count=h * w).reshape(h, w) * np.uint8(255)).astype(np.uint8)
        return chunk.reshape(h, w)

    def caption(self, i):
        return self.tokens[self.token_offsets[i]:self.token_offsets[i + 1]].tolist()


class Pack:
    """The pack: vocabulary, train (1-bit base renderings) and valid (prepared images)."""

    def __init__(self, path):
        with np.load(path, allow_pickle=False) as z:
            self.meta = json.loads(str(z["meta"][0]))
            if self.meta.get("format") != FORMAT:
                raise ValueError(f"{path}: not an inkmath data pack (format {self.meta.get('format')!r})")
            if int(self.meta.get("format_version", 0)) != 1:
                raise ValueError(f"{path}: pack format version {self.meta.get('format_version')} is not supported")
            self.vocabulary = [str(t) for t in z["vocabulary"]]
            self.train = Split(z, "train", "train_bits", packed=True)
            self.valid = Split(z, "valid", "valid_pixels", packed=False)


HEIGHT_BAND = 8  # rows of height that count as one band (Java BatchRules.Packing.HEIGHT_BAND)


def plan_batches(sizes, max_images, max_pixels, shuffle_rng=None, packing="area"):
    """Indices sorted by the packing (then index), cut greedily into batches under the limits
    (the Java BatchRules.cut): "area" as the published recipe, "height" by bands of HEIGHT_BAND
    rows of height, then width (far fewer padded pixels); the order of the batches shuffled when a
    generator is given."""
    if packing == "area":
        order = sorted(range(len(sizes)), key=lambda i: (sizes[i][0] * sizes[i][1], i))
    elif packing == "height":
        order = sorted(range(len(sizes)), key=lambda i: (sizes[i][0] // HEIGHT_BAND, sizes[i][1], i))
    else:
        raise ValueError(f"packing must be area or height, not {packing!r}")
    batches, current, h, w = [], [], 0, 0
    for i in order:
        nh, nw = max(h, sizes[i][0]), max(w, sizes[i][1])
        if current and not (len(current) + 1 <= max_images and (len(current) + 1) * nh * nw <= max_pixels):
            batches.append(current)
            current = []
            nh, nw = sizes[i]
        current.append(i)
        h, w = nh, nw
    if current:
        batches.append(current)
    if shuffle_rng is not None:
        shuffle_rng.shuffle(batches)
    return batches


def scaled_size(shape, k):
    """The (h, w) of an image of this shape resized by k and fitted into the model's range."""
    h, w = (int(v) for v in shape)
    return model_range_size(max(1, java_round(h * k)), max(1, java_round(w * k)))


class TrainEpoch:
    """The batches of one training epoch: per image a scale factor drawn from (seed, epoch) times the
    model's input scale, the size it then has fitted into the model's range, and batches planned on
    those sizes."""

    def __init__(self, split, epoch, seed, scale_range, max_images, max_pixels, input_scale=1.0, packing="area"):
        rng = np.random.default_rng([seed, epoch])
        n = len(split)
        lo, hi = scale_range
        self.scales = rng.uniform(lo, hi, n) if hi > lo else np.full(n, hi)
        self.sizes = []
        for i in range(n):
            self.sizes.append(scaled_size(split.shapes[i], float(self.scales[i]) * input_scale))
        self.split = split
        self.batches = plan_batches(self.sizes, max_images, max_pixels, rng, packing)

    def __len__(self):
        return len(self.batches)

    def __getitem__(self, j):
        idx = self.batches[j]
        return make_batch([resize(self.split.image(i), *self.sizes[i]) for i in idx],
                          [self.split.caption(i) for i in idx])


def make_batch(images, captions):
    """(pixels uint8 [b, H, W], padding bool [b, H, W], captions): padded at the bottom and right."""
    h = max(img.shape[0] for img in images)
    w = max(img.shape[1] for img in images)
    pixels = np.zeros((len(images), h, w), dtype=np.uint8)
    padding = np.ones((len(images), h, w), dtype=bool)
    for k, img in enumerate(images):
        pixels[k, :img.shape[0], :img.shape[1]] = img
        padding[k, :img.shape[0], :img.shape[1]] = False
    return pixels, padding, captions


def validation_images(split, input_scale=1.0):
    """The validation images (prepared at base scale) as the model sees them: resized by its input
    scale, as the Java Validation and Recognizer do."""
    if input_scale == 1.0:
        return split.image
    return lambda i: resize(split.image(i), *scaled_size(split.shapes[i], input_scale))


def validation_batches(split, max_images, max_pixels, subset=0, input_scale=1.0):
    """The validation images in batches of similar area (at the model's input scale), as the Java
    Validation."""
    n = len(split) if subset <= 0 else min(subset, len(split))
    sizes = [tuple(int(v) for v in split.shapes[i]) if input_scale == 1.0 else scaled_size(split.shapes[i], input_scale)
             for i in range(n)]
    return plan_batches(sizes, max_images, max_pixels)
