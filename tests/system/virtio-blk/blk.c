/*
 * A virtio-blk driver PD (virtio-mmio version 2 on QEMU virt) doing DMA on
 * cached memory: requests, descriptors and data live in an ordinary cached
 * memory region whose physical address the tool patches in (region_paddr).
 * Before the device reads memory the driver cleans it to the point of
 * coherency (DC CVAC from EL0, CONFIG_AARCH64_USER_CACHE_ENABLE); after the
 * device wrote, it invalidates before reading (seL4_ARM_VSpace_Invalidate_Data,
 * as a seL4 driver does: EL0 has no invalidate-only instruction).
 *
 * It reads sector 0 (the test's disk holds byte i = i % 251), writes sector 1
 * with its own pattern, clears the buffer, reads sector 1 back and compares.
 * Each completion arrives as the device's interrupt.
 */
#include <microkit.h>

#define BLK_IRQ 0

/* virtio-mmio registers */
#define MAGIC        0x000
#define VERSION      0x004
#define DEVICE_ID    0x008
#define DEV_FEAT     0x010
#define DEV_FEAT_SEL 0x014
#define DRV_FEAT     0x020
#define DRV_FEAT_SEL 0x024
#define QUEUE_SEL    0x030
#define QUEUE_MAX    0x034
#define QUEUE_NUM    0x038
#define QUEUE_READY  0x044
#define QUEUE_NOTIFY 0x050
#define IRQ_STATUS   0x060
#define IRQ_ACK      0x064
#define STATUS       0x070
#define DESC_LO      0x080
#define DESC_HI      0x084
#define AVAIL_LO     0x090
#define AVAIL_HI     0x094
#define USED_LO      0x0a0
#define USED_HI      0x0a4
#define CONFIG       0x100 /* virtio-blk: capacity in sectors, 64 bits */

#define ST_ACK 1
#define ST_DRIVER 2
#define ST_DRIVER_OK 4
#define ST_FEATURES_OK 8

#define QSIZE 8
#define DESC_NEXT  1
#define DESC_WRITE 2 /* the device writes this buffer */

#define REQ_IN  0 /* read from the disk */
#define REQ_OUT 1 /* write to the disk */

struct desc {
    seL4_Uint64 addr;
    seL4_Uint32 len;
    seL4_Uint16 flags, next;
};
struct avail {
    seL4_Uint16 flags, idx, ring[QSIZE];
};
struct used {
    seL4_Uint16 flags, idx;
    struct { seL4_Uint32 id, len; } ring[QSIZE];
};
struct req {
    seL4_Uint32 type, reserved;
    seL4_Uint64 sector;
};

/* Layout of the DMA region (one page per structure, so each maintenance call stays in one page). */
#define OFF_DESC   0x0000
#define OFF_AVAIL  0x1000
#define OFF_USED   0x2000
#define OFF_REQ    0x3000
#define OFF_STATUS 0x3100
#define OFF_DATA   0x4000

seL4_Word mmio;     /* setvar_vaddr: the 32 virtio-mmio transports, 0x200 apart */
seL4_Word dma;      /* setvar_vaddr */
seL4_Word dma_paddr; /* setvar region_paddr */

static volatile seL4_Uint32 *dev; /* the block device's transport */
static seL4_Uint16 used_seen;
static int step;

#define AT(off, type) ((volatile type *)(dma + (off)))

static seL4_Uint32 rd(unsigned off) { return dev[off / 4]; }
static void wr(unsigned off, seL4_Uint32 v) { dev[off / 4] = v; }

static void fail(const char *why)
{
    microkit_dbg_puts("blk: TEST_FAIL: ");
    microkit_dbg_puts(why);
    microkit_dbg_puts("\n");
}

/* The device will read [off, off + len): push it out of the cache (EL0 DC CVAC). */
static void clean(seL4_Word off, seL4_Word len)
{
    for (seL4_Word a = (dma + off) & ~63UL; a < dma + off + len; a += 64) {
        __asm__ volatile("dc cvac, %0" ::"r"(a) : "memory");
    }
    __asm__ volatile("dsb sy" ::: "memory");
}

/* The device wrote [off, off + len): drop stale lines before reading it. */
static void invalidate(seL4_Word off, seL4_Word len)
{
    if (seL4_ARM_VSpace_Invalidate_Data(3, dma + off, dma + off + len) != seL4_NoError) {
        fail("seL4_ARM_VSpace_Invalidate_Data");
    }
}

static void submit(seL4_Uint32 type, seL4_Uint64 sector)
{
    volatile struct desc *d = AT(OFF_DESC, struct desc);
    volatile struct avail *av = AT(OFF_AVAIL, struct avail);
    volatile struct req *r = AT(OFF_REQ, struct req);

    r->type = type;
    r->reserved = 0;
    r->sector = sector;
    *AT(OFF_STATUS, seL4_Uint8) = 0xff;
    d[0] = (struct desc){ dma_paddr + OFF_REQ, sizeof(struct req), DESC_NEXT, 1 };
    d[1] = (struct desc){ dma_paddr + OFF_DATA, 512, (seL4_Uint16)(DESC_NEXT | (type == REQ_IN ? DESC_WRITE : 0)), 2 };
    d[2] = (struct desc){ dma_paddr + OFF_STATUS, 1, DESC_WRITE, 0 };
    av->ring[av->idx % QSIZE] = 0;
    __atomic_thread_fence(__ATOMIC_RELEASE);
    av->idx++;
    clean(OFF_DESC, 3 * sizeof(struct desc));
    clean(OFF_REQ, 0x101);
    clean(OFF_DATA, 512); /* a write's data; for a read, no dirty line may land on the device's bytes later */
    clean(OFF_AVAIL, sizeof(struct avail));
    wr(QUEUE_NOTIFY, 0);
}

static bool find_device(void)
{
    for (int i = 31; i >= 0; i--) {
        volatile seL4_Uint32 *t = (volatile seL4_Uint32 *)(mmio + 0x200 * i);
        if (t[MAGIC / 4] == 0x74726976 && t[DEVICE_ID / 4] == 2) {
            if (i != 31) {
                fail("the block device is not on transport 31 (IRQ 79)");
            }
            dev = t;
            return t[VERSION / 4] == 2;
        }
    }
    return false;
}

void init(void)
{
    if (!find_device()) {
        fail("no virtio-mmio version 2 block device");
        return;
    }
    wr(STATUS, 0);
    wr(STATUS, ST_ACK);
    wr(STATUS, ST_ACK | ST_DRIVER);
    wr(DEV_FEAT_SEL, 1);
    if (!(rd(DEV_FEAT) & 1)) {
        fail("no VIRTIO_F_VERSION_1");
    }
    wr(DRV_FEAT_SEL, 1);
    wr(DRV_FEAT, 1); /* VIRTIO_F_VERSION_1, nothing else */
    wr(DRV_FEAT_SEL, 0);
    wr(DRV_FEAT, 0);
    wr(STATUS, ST_ACK | ST_DRIVER | ST_FEATURES_OK);
    if (!(rd(STATUS) & ST_FEATURES_OK)) {
        fail("features not accepted");
    }
    wr(QUEUE_SEL, 0);
    if (rd(QUEUE_MAX) < QSIZE) {
        fail("queue too small");
    }
    wr(QUEUE_NUM, QSIZE);
    wr(DESC_LO, (seL4_Uint32)(dma_paddr + OFF_DESC));
    wr(DESC_HI, (seL4_Uint32)((dma_paddr + OFF_DESC) >> 32));
    wr(AVAIL_LO, (seL4_Uint32)(dma_paddr + OFF_AVAIL));
    wr(AVAIL_HI, (seL4_Uint32)((dma_paddr + OFF_AVAIL) >> 32));
    wr(USED_LO, (seL4_Uint32)(dma_paddr + OFF_USED));
    wr(USED_HI, (seL4_Uint32)((dma_paddr + OFF_USED) >> 32));
    clean(0, 0x5000);
    wr(QUEUE_READY, 1);
    wr(STATUS, ST_ACK | ST_DRIVER | ST_FEATURES_OK | ST_DRIVER_OK);

    seL4_Uint64 sectors = rd(CONFIG) | (seL4_Uint64)rd(CONFIG + 4) << 32;
    microkit_dbg_puts("blk: virtio-blk, ");
    microkit_dbg_put32((seL4_Uint32)sectors);
    microkit_dbg_puts(" sectors\n");
    submit(REQ_IN, 0);
}

static bool check_sector(seL4_Uint64 sector, seL4_Uint8 (*expect)(seL4_Uint64, unsigned))
{
    volatile seL4_Uint8 *data = AT(OFF_DATA, seL4_Uint8);
    for (unsigned i = 0; i < 512; i++) {
        if (data[i] != expect(sector, i)) {
            return false;
        }
    }
    return true;
}

static seL4_Uint8 disk_pattern(seL4_Uint64 sector, unsigned i)
{
    return (seL4_Uint8)((sector * 512 + i) % 251);
}

static seL4_Uint8 our_pattern(seL4_Uint64 sector, unsigned i)
{
    return (seL4_Uint8)("minikit!"[i % 8] ^ (i >> 3) ^ sector);
}

/* One request finished: check it, start the next. */
static void completed(void)
{
    volatile seL4_Uint8 *data = AT(OFF_DATA, seL4_Uint8);

    invalidate(OFF_STATUS, 1);
    if (*AT(OFF_STATUS, seL4_Uint8) != 0) {
        fail("request status not OK");
        return;
    }
    switch (step++) {
    case 0:
        invalidate(OFF_DATA, 512);
        if (!check_sector(0, disk_pattern)) {
            fail("sector 0 does not hold the disk's pattern");
            return;
        }
        microkit_dbg_puts("blk: read sector 0 by DMA: the disk's pattern\n");
        for (unsigned i = 0; i < 512; i++) {
            data[i] = our_pattern(1, i);
        }
        submit(REQ_OUT, 1);
        break;
    case 1:
        microkit_dbg_puts("blk: wrote sector 1 by DMA\n");
        for (unsigned i = 0; i < 512; i++) {
            data[i] = 0;
        }
        submit(REQ_IN, 1);
        break;
    case 2:
        invalidate(OFF_DATA, 512);
        if (!check_sector(1, our_pattern)) {
            fail("sector 1 does not hold what was written");
            return;
        }
        microkit_dbg_puts("blk: read sector 1 back: what was written\n");
        microkit_dbg_puts("blk: TEST_PASS\n");
        break;
    }
}

void notified(microkit_channel ch)
{
    volatile struct used *u = AT(OFF_USED, struct used);

    if (ch != BLK_IRQ) {
        return;
    }
    wr(IRQ_ACK, rd(IRQ_STATUS));
    microkit_irq_ack(BLK_IRQ);
    invalidate(OFF_USED, sizeof(struct used));
    while (used_seen != u->idx) {
        used_seen++;
        completed();
        invalidate(OFF_USED, sizeof(struct used));
    }
}
