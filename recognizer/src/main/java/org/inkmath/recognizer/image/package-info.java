/**
 * Images: {@link org.inkmath.recognizer.image.GrayImage} (ink 255 on 0), the rasteriser
 * calibrated on the published CROHME images ({@link org.inkmath.recognizer.image.InkRasterizer}),
 * picture input ({@link org.inkmath.recognizer.image.ImageInput}) and resizing into the model's
 * range ({@link org.inkmath.recognizer.image.ImageOps}). Example:
 * {@code GrayImage img = ImageOps.fitToModelRange(InkRasterizer.render(ink));}
 */
package org.inkmath.recognizer.image;
