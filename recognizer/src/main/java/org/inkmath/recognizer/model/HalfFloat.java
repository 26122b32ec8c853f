package org.inkmath.recognizer.model;

/**
 * IEEE 754 binary16 conversion (Java 17 has none): float to half with round-to-nearest-even,
 * overflow to infinity, subnormals kept; and back, exactly.
 */
final class HalfFloat {

    private HalfFloat() {
    }

    static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) { // infinity or NaN
            return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
        }
        if (abs >= 0x477ff000) { // 65520 and above round to infinity
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below 2^-14: a subnormal half (or zero)
            if (abs < 0x33000000) { // below 2^-25 (or exactly it, a tie to even 0)
                return (short) sign;
            }
            int exp = abs >>> 23;
            int mant = (abs & 0x7fffff) | 0x800000;
            int shift = 126 - exp;
            int m = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int half = 1 << (shift - 1);
            if (rem > half || (rem == half && (m & 1) == 1)) {
                m++;
            }
            return (short) (sign | m);
        }
        int out = (((abs >>> 23) - 112) << 10) | ((abs >>> 13) & 0x3ff);
        int rem = abs & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (out & 1) == 1)) {
            out++; // a carry into the exponent is the right result
        }
        return (short) (sign | out);
    }

    static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Whether every value survives as a finite half (|v| <= 65504). */
    static boolean fits(float[] values) {
        for (float v : values) {
            if (!(Math.abs(v) <= 65504f)) {
                return false;
            }
        }
        return true;
    }
}
