"""The inkmath CoMER-style network in PyTorch: the same layers, arithmetic, parameter names and
shapes as the Java model (org.inkmath.recognizer.model), so that `state_dict()` keys are the
tensor names of an inkmath model file (recognizer/MODEL-FORMAT.md), `num_batches_tracked`
counters aside. Runs on torch 1.13 (Debian's python3-torch, CPU) and torch 2.x (CUDA).

    cfg = ModelConfig.named("compact")
    net = Comer(cfg, vocabulary_size=113)
    logits = net(images, padding, targets)    # [n, t, V]; row r reads image r mod B
"""
import dataclasses
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# Additive logit of a masked key, as the Java TokenDecoder.MASKED: exp underflows to exactly 0.
MASKED = -1e9
TEMPERATURE = 10000.0
NORM_EPS = 1e-5
COVERAGE_MODES = ("SELF", "CROSS", "FUSION", "NONE")


@dataclasses.dataclass(frozen=True)
class ModelConfig:
    """The Java ModelConfig record: same fields, same JSON (field order and names)."""
    growthRate: int
    denseDepth: int
    bottleneckWidth: int
    encoderDropout: float
    maskedEncoder: bool
    dModel: int
    heads: int
    decoderLayers: int
    ffnWidth: int
    decoderDropout: float
    coverage: str
    coverageChannels: int
    coverageKernel: int
    inputScale: float

    def __post_init__(self):
        for name in ("growthRate", "denseDepth", "bottleneckWidth", "dModel", "heads", "decoderLayers", "ffnWidth"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive: {getattr(self, name)}")
        if self.coverage not in COVERAGE_MODES:
            raise ValueError(f"coverage mode must be one of {COVERAGE_MODES}: {self.coverage!r}")
        if self.coverage != "NONE":
            if self.coverageChannels <= 0:
                raise ValueError(f"coverageChannels must be positive: {self.coverageChannels}")
            if self.coverageKernel < 1 or self.coverageKernel % 2 == 0:
                raise ValueError(f"coverageKernel must be odd and positive: {self.coverageKernel}")
        if self.dModel % self.heads != 0 or self.dModel % 4 != 0:
            raise ValueError(f"dModel {self.dModel} must be a multiple of heads {self.heads} and of 4")
        for name in ("encoderDropout", "decoderDropout"):
            if not 0 <= getattr(self, name) < 1:
                raise ValueError(f"{name} must be in [0, 1): {getattr(self, name)}")
        if not 0 < self.inputScale <= 4:
            raise ValueError(f"inputScale must be in (0, 4]: {self.inputScale}")

    @staticmethod
    def reference():
        return ModelConfig(24, 16, 96, 0.2, True, 256, 8, 3, 1024, 0.3, "FUSION", 32, 5, 1.0)

    @staticmethod
    def compact():
        return dataclasses.replace(ModelConfig.reference(), denseDepth=8)

    @staticmethod
    def named(name):
        presets = {
            "reference": ModelConfig.reference(),
            "compact": ModelConfig.compact(),
            "compact-small-input": dataclasses.replace(ModelConfig.compact(), inputScale=0.75),
        }
        if name not in presets:
            raise ValueError(f"unknown model configuration '{name}' ({', '.join(presets)})")
        return presets[name]

    def to_json(self):
        values = dataclasses.asdict(self)
        for name in ("encoderDropout", "decoderDropout", "inputScale"):
            values[name] = float(values[name])
        return json.dumps(values, separators=(",", ":"))

    @staticmethod
    def from_json(text):
        values = json.loads(text)
        names = [f.name for f in dataclasses.fields(ModelConfig)]
        missing = [n for n in names if n not in values]
        if missing:
            raise ValueError(f"model configuration lacks {missing}")
        return ModelConfig(**{n: values[n] for n in names})

    def encoder_channels(self):
        stem = 2 * self.growthRate
        b1 = stem + self.denseDepth * self.growthRate
        t1 = b1 // 2
        b2 = t1 + self.denseDepth * self.growthRate
        t2 = b2 // 2
        b3 = t2 + self.denseDepth * self.growthRate
        return [stem, b1, t1, b2, t2, b3]


def keep_of(padding):
    """1 on image cells, 0 on padding: [b, 1, h, w] float from a mask [b, h, w] (True = padding)."""
    return (~padding).to(torch.float32).unsqueeze(1)


def halve(padding):
    return padding[:, ::2, ::2]


def frequencies(n):
    """1 / T^(2i/n) for i < n/2, computed in double and stored as float, as the Java code does."""
    return torch.tensor([1.0 / math.pow(TEMPERATURE, 2.0 * i / n) for i in range(n // 2)], dtype=torch.float32)


def interleave(angles):
    """[..., k] angles to [..., 2k]: sin(a0), cos(a0), sin(a1), ..."""
    pairs = torch.stack([angles.sin(), angles.cos()], dim=-1)
    return pairs.reshape(*angles.shape[:-1], 2 * angles.shape[-1])


def image_position(padding, d):
    """The 2-D sine encoding [b, h, w, d] of a padding mask [b, h, w] (x half first, then y)."""
    cells = (~padding).to(torch.float32)
    y = cells.cumsum(1)
    x = cells.cumsum(2)
    scale = 2 * math.pi
    y = y / (y[:, -1:, :] + 1e-6) * scale
    x = x / (x[:, :, -1:] + 1e-6) * scale
    freq = frequencies(d // 2).to(padding.device)
    return torch.cat([interleave(x.unsqueeze(3) * freq), interleave(y.unsqueeze(3) * freq)], dim=3)


def word_position(start, length, d, device):
    """The 1-D sine encoding [length, d] of positions start .. start+length-1."""
    pos = torch.arange(start, start + length, dtype=torch.float32, device=device).unsqueeze(1)
    return interleave(pos * frequencies(d).to(device))


class Bottleneck(nn.Module):
    """conv 1x1, BN, ReLU, dropout, (mask), conv 3x3, BN, ReLU, dropout; concatenated to the input."""

    def __init__(self, channels, width, growth, dropout, masked):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(width)
        self.conv1 = nn.Conv2d(channels, width, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(growth)
        self.conv2 = nn.Conv2d(width, growth, 3, padding=1, bias=False)
        self.dropout = dropout
        self.masked = masked

    def forward(self, x, keep):
        out = F.dropout(F.relu(self.bn1(self.conv1(x))), self.dropout, self.training)
        if self.masked:
            out = out * keep  # the 3x3 convolution sees zeros beyond the image, as at its border
        out = F.dropout(F.relu(self.bn2(self.conv2(out))), self.dropout, self.training)
        return torch.cat([x, out], dim=1)


class Transition(nn.Module):
    """conv 1x1 halving the channels, BN, ReLU, dropout, 2x2 average pool (ceil mode)."""

    def __init__(self, channels, out, dropout, masked):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(out)
        self.conv1 = nn.Conv2d(channels, out, 1, bias=False)
        self.dropout = dropout
        self.masked = masked

    def forward(self, x, keep):
        out = F.dropout(F.relu(self.bn1(self.conv1(x))), self.dropout, self.training)
        if not self.masked:
            return F.avg_pool2d(out, 2, 2, ceil_mode=True, count_include_pad=True)
        # mean over the image cells of each window only
        sums = F.avg_pool2d(out * keep, 2, 2, ceil_mode=True, count_include_pad=True)
        share = F.avg_pool2d(keep, 2, 2, ceil_mode=True, count_include_pad=True)
        return sums / share.clamp_min(1e-6)


class DenseNet(nn.Module):
    def __init__(self, c):
        super().__init__()
        ch = c.encoder_channels()
        self.masked = c.maskedEncoder
        self.conv1 = nn.Conv2d(1, ch[0], 7, stride=2, padding=3, bias=False)
        self.norm1 = nn.BatchNorm2d(ch[0])
        channels = ch[0]
        for b in range(3):
            layers = nn.ModuleList()
            for _ in range(c.denseDepth):
                layers.append(Bottleneck(channels, c.bottleneckWidth, c.growthRate, c.encoderDropout, self.masked))
                channels += c.growthRate
            self.add_module(f"dense{b + 1}", layers)
            if b < 2:
                self.add_module(f"trans{b + 1}", Transition(channels, channels // 2, c.encoderDropout, self.masked))
                channels //= 2
        self.post_norm = nn.BatchNorm2d(channels)

    def forward(self, images, padding):
        x = F.relu(self.norm1(self.conv1(images)))
        mask = halve(padding)
        if self.masked:
            x = x * keep_of(mask)  # ReLU output >= 0: zeros leave the max-pool of image cells unchanged
        x = F.max_pool2d(x, 2, 2, ceil_mode=True)
        mask = halve(mask)
        for b in range(3):
            keep = keep_of(mask) if self.masked else None
            for layer in getattr(self, f"dense{b + 1}"):
                x = layer(x, keep)
            if b < 2:
                x = getattr(self, f"trans{b + 1}")(x, keep)
                mask = halve(mask)
        return self.post_norm(x), mask


class Encoder(nn.Module):
    """DenseNet-B, 1x1 projection to dModel, 2-D position encoding, LayerNorm: [b, h, w, d] and mask."""

    def __init__(self, c):
        super().__init__()
        self.model = DenseNet(c)
        self.feature_proj = nn.Conv2d(c.encoder_channels()[5], c.dModel, 1)
        self.norm = nn.LayerNorm(c.dModel, eps=NORM_EPS)
        self.d = c.dModel

    def forward(self, images, padding):
        x, mask = self.model(images, padding)
        features = self.feature_proj(x).permute(0, 2, 3, 1)
        features = features + image_position(mask, self.d)
        return self.norm(features), mask


class Attention(nn.Module):
    """Multi-head attention with PyTorch's packed in_proj_weight [3d, d], in_proj_bias and out_proj."""

    def __init__(self, c):
        super().__init__()
        d = c.dModel
        self.in_proj_weight = nn.Parameter(torch.empty(3 * d, d))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * d))
        self.out_proj = nn.Linear(d, d)
        nn.init.xavier_uniform_(self.in_proj_weight)
        self.d = d
        self.heads = c.heads
        self.dropout = c.decoderDropout

    def split(self, y):
        n, t, _ = y.shape
        return y.reshape(n, t, self.heads, self.d // self.heads).transpose(1, 2)

    def qkv(self, x):
        q, k, v = F.linear(x, self.in_proj_weight, self.in_proj_bias).chunk(3, dim=-1)
        return self.split(q), self.split(k), self.split(v)

    def logits(self, q, k, bias):
        return torch.matmul(q * (1.0 / math.sqrt(self.d / self.heads)), k.transpose(-1, -2)) + bias

    def weights(self, logits):
        return F.dropout(logits.softmax(-1), self.dropout, self.training)

    def output(self, weights, v):
        o = torch.matmul(weights, v).transpose(1, 2)
        return self.out_proj(o.reshape(o.shape[0], o.shape[1], self.d))


class CoverageRefiner(nn.Module):
    """The attention refinement module: coverage sums [n, C, t, L] to R [n, H, t, L]."""

    def __init__(self, c):
        super().__init__()
        channels = {"SELF": c.heads, "CROSS": c.heads, "FUSION": 2 * c.heads}[c.coverage]
        k = c.coverageKernel
        self.mode = c.coverage
        self.heads = c.heads
        self.conv = nn.Conv2d(channels, c.coverageChannels, k, padding=k // 2)
        self.proj = nn.Conv2d(c.coverageChannels, c.heads, 1, bias=False)
        self.post_norm = nn.Module()
        self.post_norm.bn = nn.BatchNorm2d(c.heads)

    def stack(self, previous, own):
        if self.mode == "FUSION":
            return torch.cat([previous, own], dim=1)
        return previous if self.mode == "CROSS" else own

    def refine(self, coverage, cells, h, w):
        n, c, t, _ = coverage.shape
        maps = coverage.permute(0, 2, 1, 3).reshape(n * t, c, h, w)
        cell_maps = cells.unsqueeze(1).expand(n, t, 1, h, w).reshape(n * t, 1, h, w)
        x = F.relu(self.conv(maps)) * cell_maps
        x = self.proj(x)
        x = self.masked_batch_norm(x, cell_maps)
        return x.reshape(n, t, self.heads, h * w).permute(0, 2, 1, 3)

    def masked_batch_norm(self, x, cells):
        """BatchNorm over image cells only (statistics in float32); padding cells pass unchanged."""
        bn = self.post_norm.bn
        x = x.float()
        shape = (1, self.heads, 1, 1)
        if self.training:
            count = cells.sum()
            mean = (x * cells).sum(dim=(0, 2, 3)) / count
            centred = (x - mean.reshape(shape)) * cells
            variance = centred.square().sum(dim=(0, 2, 3)) / count
            with torch.no_grad():
                n = float(count)
                unbiased = n / (n - 1) if n > 1 else 1.0
                bn.running_mean.mul_(0.9).add_(mean.detach() * 0.1)
                bn.running_var.mul_(0.9).add_(variance.detach() * (0.1 * unbiased))
        else:
            mean = bn.running_mean
            variance = bn.running_var
        normalised = ((x - mean.reshape(shape)) / (variance + NORM_EPS).sqrt().reshape(shape)
                      * bn.weight.reshape(shape) + bn.bias.reshape(shape))
        return normalised * cells + x * (1 - cells)


class DecoderLayer(nn.Module):
    """Post-norm: x = LN1(x + SelfAttn(x)); x = LN2(x + CrossAttn(x, memory)); x = LN3(x + FFN(x))."""

    def __init__(self, c):
        super().__init__()
        self.self_attn = Attention(c)
        self.multihead_attn = Attention(c)
        self.linear1 = nn.Linear(c.dModel, c.ffnWidth)
        self.linear2 = nn.Linear(c.ffnWidth, c.dModel)
        self.norm1 = nn.LayerNorm(c.dModel, eps=NORM_EPS)
        self.norm2 = nn.LayerNorm(c.dModel, eps=NORM_EPS)
        self.norm3 = nn.LayerNorm(c.dModel, eps=NORM_EPS)
        self.dropout = c.decoderDropout

    def forward(self, x, self_bias, memory, arm, coverage):
        """memory: (keys, values, key_bias, cells, h, w); coverage: own weights -> ARM input, or None."""
        mem_k, mem_v, key_bias, cells, h, w = memory
        q, k, v = self.self_attn.qkv(x)
        s = self.self_attn.output(self.self_attn.weights(self.self_attn.logits(q, k, self_bias)), v)
        x = self.norm1(x + F.dropout(s, self.dropout, self.training))
        cq = self.multihead_attn.qkv(x)[0]
        e = self.multihead_attn.logits(cq, mem_k, key_bias)
        own = self.multihead_attn.weights(e)
        attention = own
        if coverage is not None:
            refinement = arm.refine(coverage(own), cells, h, w)
            attention = self.multihead_attn.weights(e - refinement + key_bias)
        c = self.multihead_attn.output(attention, mem_v)
        x = self.norm2(x + F.dropout(c, self.dropout, self.training))
        f = self.linear2(F.dropout(F.relu(self.linear1(x)), self.dropout, self.training))
        x = self.norm3(x + F.dropout(f, self.dropout, self.training))
        return x, attention


class DecoderModel(nn.Module):
    """Only a name in the reference's tree: decoder.model.layers.i and decoder.model.arm."""

    def __init__(self, c):
        super().__init__()
        self.layers = nn.ModuleList([DecoderLayer(c) for _ in range(c.decoderLayers)])
        if c.coverage != "NONE" and c.decoderLayers >= 2:
            self.arm = CoverageRefiner(c)
        else:
            self.arm = None


class Decoder(nn.Module):
    def __init__(self, c, vocabulary_size):
        super().__init__()
        self.word_embed = nn.Sequential(nn.Embedding(vocabulary_size, c.dModel), nn.LayerNorm(c.dModel, eps=NORM_EPS))
        self.norm = nn.LayerNorm(c.dModel, eps=NORM_EPS)
        self.model = DecoderModel(c)
        self.proj = nn.Linear(c.dModel, vocabulary_size)
        self.d = c.dModel

    def forward(self, memory, memory_padding, targets):
        """Teacher-forced logits [n, t, V]; n a multiple of the images B, row r reads image r mod B."""
        n, t = targets.shape
        b, h, w, d = memory.shape
        if n % b != 0:
            raise ValueError(f"target rows {n} are not a multiple of the images {b}")
        reps = n // b
        features = memory.reshape(b, h * w, d).repeat(reps, 1, 1)
        key_bias = (memory_padding.to(torch.float32) * MASKED).reshape(b, 1, 1, h * w).repeat(reps, 1, 1, 1)
        cells = keep_of(memory_padding).repeat(reps, 1, 1, 1)
        x = self.word_embed(targets)
        x = self.norm(x + word_position(0, t, self.d, targets.device))
        positions = torch.arange(t, device=targets.device)
        causal = (positions.reshape(1, t) > positions.reshape(t, 1)).to(torch.float32) * MASKED
        pad_keys = (targets == 0).to(torch.float32) * MASKED
        self_bias = causal.reshape(1, 1, t, t) + pad_keys.reshape(n, 1, 1, t)
        arm = self.model.arm
        previous = None
        for i, layer in enumerate(self.model.layers):
            _, mem_k, mem_v = layer.multihead_attn.qkv(features)
            memory_parts = (mem_k, mem_v, key_bias, cells, h, w)
            coverage = None
            if i > 0 and arm is not None:
                prev = previous

                def coverage(own, prev=prev):
                    per_step = arm.stack(prev, own)
                    # exclusive running sum: step t sees only what steps < t attended
                    return per_step.cumsum(2) - per_step
            x, previous = layer(x, self_bias, memory_parts, arm, coverage)
        return self.proj(x)


class Comer(nn.Module):
    """The whole network: images [B,1,H,W] (ink 1, padding 0), padding [B,H,W] bool, targets [n,t] int64."""

    def __init__(self, config, vocabulary_size):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config, vocabulary_size)

    def forward(self, images, padding, targets):
        memory, mask = self.encoder(images, padding)
        return self.decoder(memory, mask, targets)

    def parameter_count(self):
        return sum(p.numel() for p in self.parameters())


def masked_cross_entropy(logits, targets):
    """Mean cross-entropy over non-<pad> targets, as the Java TeacherForcing.loss."""
    v = logits.shape[-1]
    total = F.cross_entropy(logits.float().reshape(-1, v), targets.reshape(-1), ignore_index=0, reduction="sum")
    return total / (targets != 0).sum().clamp_min(1)


def teacher_forcing(captions, bidirectional=True):
    """(inputs, outputs) [n, t] int64 lists, as the Java TeacherForcing: l2r rows, then r2l rows."""
    b = len(captions)
    t = max(len(c) for c in captions) + 1
    rows = 2 * b if bidirectional else b
    inputs = torch.zeros(rows, t, dtype=torch.int64)
    outputs = torch.zeros(rows, t, dtype=torch.int64)
    for i, c in enumerate(captions):
        m = len(c)
        c = torch.as_tensor(list(c), dtype=torch.int64)
        inputs[i, 0] = 1
        inputs[i, 1:m + 1] = c
        outputs[i, :m] = c
        outputs[i, m] = 2
        if bidirectional:
            r = c.flip(0)
            inputs[b + i, 0] = 2
            inputs[b + i, 1:m + 1] = r
            outputs[b + i, :m] = r
            outputs[b + i, m] = 1
    return inputs, outputs


@torch.no_grad()
def greedy_decode(model, images, padding, max_length):
    """Left-to-right greedy decoding of every image: a list of token-id lists (no <sos>/<eos>).
    Each step recomputes the teacher-forced decoder over the prefix, which is exact (the coverage
    of a step depends on all earlier steps) and cheap next to the encoder on a GPU."""
    memory, mask = model.encoder(images, padding)
    b = images.shape[0]
    prefix = torch.full((b, 1), 1, dtype=torch.int64, device=images.device)
    done = torch.zeros(b, dtype=torch.bool, device=images.device)
    for _ in range(max_length):
        logits = model.decoder(memory, mask, prefix)[:, -1, :].float()
        nxt = logits.argmax(-1)
        nxt = torch.where(done, torch.zeros_like(nxt), nxt)
        done = done | (nxt == 2)
        prefix = torch.cat([prefix, nxt.unsqueeze(1)], dim=1)
        if bool(done.all()):
            break
    out = []
    for row in prefix[:, 1:].tolist():
        tokens = []
        for tok in row:
            if tok in (0, 2):
                break
            tokens.append(tok)
        out.append(tokens)
    return out
