/**
 * InlineImage: an image appended from a blob (PNG with its pixel size, JPEG), in a
 * paragraph of its own; its size and alt text, and its parent paragraph.
 * https://developers.google.com/apps-script/reference/document/inline-image
 * https://developers.google.com/apps-script/reference/document/body#appendimageimage
 */
import { GasError } from '../../errors';
import type { ImageModel, ParagraphModel } from './model';
import { ParagraphImpl } from './paragraph';
import { type Session, touch } from './session';

/** The image of a blob (or of anything with getBlob()): its bytes, type and pixel size. */
export function imageInfo(blob: unknown): {
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
} {
  const src = blob as { _bytes?: Uint8Array; getBlob?: () => { _bytes?: Uint8Array } };
  const bytes = src?._bytes ?? (typeof src?.getBlob === 'function' ? src.getBlob()._bytes : undefined);
  if (!(bytes instanceof Uint8Array)) throw new GasError('Invalid argument: image');
  const png =
    bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (png) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { bytes, contentType: 'image/png', width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8)
    return { bytes, contentType: 'image/jpeg', width: 100, height: 100 };
  throw new GasError('Invalid image data.');
}

export class InlineImageImpl {
  constructor(
    private readonly s: Session,
    private readonly p: ParagraphModel,
  ) {}
  private get img(): ImageModel {
    return this.p.image!;
  }
  getWidth(): number {
    return this.img.width;
  }
  getHeight(): number {
    return this.img.height;
  }
  setWidth(w: number): InlineImageImpl {
    this.img.width = Math.max(1, Math.round(Number(w)));
    touch(this.s);
    return this;
  }
  setHeight(h: number): InlineImageImpl {
    this.img.height = Math.max(1, Math.round(Number(h)));
    touch(this.s);
    return this;
  }
  setAltTitle(_t: string): InlineImageImpl {
    touch(this.s);
    return this;
  }
  setAltDescription(_t: string): InlineImageImpl {
    touch(this.s);
    return this;
  }
  getParent(): ParagraphImpl {
    return this.s.x.wrap(new ParagraphImpl(this.s, this.p), 'Paragraph');
  }
}
