// The demo shop's content: a small fashion-and-home shop in Ho Chi Minh City with a Hà Nội branch.

export const DEMO_OPERATORS = [
  { name: 'Chủ shop Minh Anh', role: 'admin' as const, pin: '1111' },
  { name: 'Quản lý Thu Hương', role: 'manager' as const, pin: '2222' },
  { name: 'Đóng gói Văn Nam', role: 'packer' as const, pin: '3333' },
];

export const DEMO_WAREHOUSES = [
  { code: 'HCM', name: 'Kho Tân Bình', place: 'hcm-tan-binh', contactName: 'Trần Văn Lộc', contactPhone: '0903123456', type: 'main' as const },
  { code: 'HN', name: 'Kho Cầu Giấy', place: 'hn-cau-giay', contactName: 'Nguyễn Thị Mai', contactPhone: '0987654321', type: 'branch' as const },
];

export interface DemoProduct {
  name: string;
  category: string;
  brand: string;
  price: number;
  cost: number;
  weightG: number;
  vat?: '10' | '8' | '5' | '0' | 'KCT' | 'KKKNT';
  colours?: string[];
  sizes?: string[];
}

const CLOTHES = ['S', 'M', 'L', 'XL'];

export const DEMO_PRODUCTS: DemoProduct[] = [
  { name: 'Áo thun cotton basic', category: 'Thời trang nam', brand: 'Coolmate', price: 149000, cost: 62000, weightG: 220, colours: ['Đen', 'Trắng', 'Xanh navy'], sizes: CLOTHES },
  { name: 'Áo polo pique', category: 'Thời trang nam', brand: 'Coolmate', price: 259000, cost: 110000, weightG: 260, colours: ['Trắng', 'Xám'], sizes: CLOTHES },
  { name: 'Quần jean slim fit', category: 'Thời trang nam', brand: 'Routine', price: 459000, cost: 210000, weightG: 620, colours: ['Xanh đậm'], sizes: ['29', '30', '31', '32'] },
  { name: 'Quần short kaki', category: 'Thời trang nam', brand: 'Routine', price: 289000, cost: 120000, weightG: 350, colours: ['Be', 'Rêu'], sizes: CLOTHES },
  { name: 'Sơ mi oxford dài tay', category: 'Thời trang nam', brand: 'Owen', price: 399000, cost: 175000, weightG: 300, colours: ['Trắng', 'Xanh nhạt'], sizes: CLOTHES },
  { name: 'Váy hoa nhí vintage', category: 'Thời trang nữ', brand: 'Elise', price: 389000, cost: 160000, weightG: 280, colours: ['Hoa nhí đỏ', 'Hoa nhí xanh'], sizes: ['S', 'M', 'L'] },
  { name: 'Áo croptop gân tăm', category: 'Thời trang nữ', brand: 'Elise', price: 129000, cost: 48000, weightG: 150, colours: ['Đen', 'Hồng', 'Kem'], sizes: ['S', 'M'] },
  { name: 'Chân váy chữ A', category: 'Thời trang nữ', brand: 'Ivy Moda', price: 329000, cost: 140000, weightG: 250, colours: ['Đen', 'Nâu'], sizes: ['S', 'M', 'L'] },
  { name: 'Áo khoác gió hai lớp', category: 'Thời trang nữ', brand: 'Ivy Moda', price: 549000, cost: 250000, weightG: 450, colours: ['Be', 'Xanh rêu'], sizes: ['S', 'M', 'L'] },
  { name: 'Đầm suông linen', category: 'Thời trang nữ', brand: 'Elise', price: 499000, cost: 220000, weightG: 320, colours: ['Trắng', 'Xanh mint'], sizes: ['S', 'M', 'L'] },
  { name: 'Giày sneaker canvas', category: 'Giày dép', brand: 'Ananas', price: 590000, cost: 280000, weightG: 800, colours: ['Trắng', 'Đen'], sizes: ['38', '39', '40', '41', '42'] },
  { name: 'Dép quai ngang', category: 'Giày dép', brand: 'Bitis', price: 159000, cost: 60000, weightG: 400, colours: ['Đen', 'Xám'], sizes: ['39', '40', '41', '42'] },
  { name: 'Giày búp bê da mềm', category: 'Giày dép', brand: 'Juno', price: 450000, cost: 200000, weightG: 500, colours: ['Đen', 'Kem'], sizes: ['35', '36', '37', '38'] },
  { name: 'Sandal đế bánh mì', category: 'Giày dép', brand: 'Juno', price: 395000, cost: 170000, weightG: 550, colours: ['Trắng'], sizes: ['35', '36', '37', '38'] },
  { name: 'Túi tote vải canvas', category: 'Túi xách', brand: 'Vascara', price: 199000, cost: 75000, weightG: 300, colours: ['Kem', 'Đen'] },
  { name: 'Balo laptop chống nước', category: 'Túi xách', brand: 'Mikkor', price: 690000, cost: 320000, weightG: 900, colours: ['Đen', 'Xám'] },
  { name: 'Ví da nam gấp đôi', category: 'Túi xách', brand: 'Vascara', price: 350000, cost: 140000, weightG: 150, colours: ['Nâu', 'Đen'] },
  { name: 'Túi đeo chéo mini', category: 'Túi xách', brand: 'Vascara', price: 279000, cost: 110000, weightG: 250, colours: ['Hồng', 'Trắng', 'Đen'] },
  { name: 'Sữa rửa mặt trà xanh 150ml', category: 'Mỹ phẩm', brand: 'Cocoon', price: 165000, cost: 70000, weightG: 200 },
  { name: 'Son dưỡng môi dầu dừa', category: 'Mỹ phẩm', brand: 'Cocoon', price: 95000, cost: 35000, weightG: 30 },
  { name: 'Kem chống nắng SPF50', category: 'Mỹ phẩm', brand: 'Thorakao', price: 135000, cost: 55000, weightG: 80 },
  { name: 'Nước tẩy trang bí đao 310ml', category: 'Mỹ phẩm', brand: 'Cocoon', price: 185000, cost: 80000, weightG: 350 },
  { name: 'Dầu gội bưởi 500ml', category: 'Mỹ phẩm', brand: 'Cỏ Mềm', price: 210000, cost: 90000, weightG: 560 },
  { name: 'Tai nghe bluetooth TWS', category: 'Phụ kiện điện tử', brand: 'Havit', price: 390000, cost: 190000, weightG: 120, vat: '10', colours: ['Trắng', 'Đen'] },
  { name: 'Cáp sạc USB-C 1m', category: 'Phụ kiện điện tử', brand: 'Anker', price: 149000, cost: 60000, weightG: 50, vat: '10' },
  { name: 'Sạc dự phòng 10000mAh', category: 'Phụ kiện điện tử', brand: 'Xiaomi', price: 450000, cost: 260000, weightG: 230, vat: '10', colours: ['Đen', 'Trắng'] },
  { name: 'Ốp lưng iPhone 15 trong suốt', category: 'Phụ kiện điện tử', brand: 'Spigen', price: 120000, cost: 35000, weightG: 40, vat: '10' },
  { name: 'Chuột không dây silent', category: 'Phụ kiện điện tử', brand: 'Logitech', price: 299000, cost: 170000, weightG: 90, vat: '10', colours: ['Đen', 'Hồng'] },
  { name: 'Bình giữ nhiệt inox 500ml', category: 'Nhà cửa', brand: 'Lock&Lock', price: 259000, cost: 120000, weightG: 350, colours: ['Bạc', 'Đen', 'Xanh'] },
  { name: 'Hộp cơm thủy tinh 3 ngăn', category: 'Nhà cửa', brand: 'Lock&Lock', price: 329000, cost: 150000, weightG: 900 },
  { name: 'Chảo chống dính 26cm', category: 'Nhà cửa', brand: 'Sunhouse', price: 279000, cost: 130000, weightG: 1100 },
  { name: 'Bộ dao inox 5 món', category: 'Nhà cửa', brand: 'Sunhouse', price: 399000, cost: 190000, weightG: 1200 },
  { name: 'Gối tựa lưng sofa', category: 'Nhà cửa', brand: 'Everon', price: 189000, cost: 80000, weightG: 500, colours: ['Xám', 'Be', 'Xanh'] },
  { name: 'Khăn tắm cotton 70x140', category: 'Nhà cửa', brand: 'Mollis', price: 145000, cost: 60000, weightG: 400, colours: ['Trắng', 'Xanh dương'] },
  { name: 'Đèn ngủ cảm ứng', category: 'Nhà cửa', brand: 'Rạng Đông', price: 175000, cost: 80000, weightG: 250, vat: '10' },
  { name: 'Cà phê rang xay Robusta 500g', category: 'Thực phẩm', brand: 'Trung Nguyên', price: 135000, cost: 80000, weightG: 520, vat: '5' },
  { name: 'Trà ô long Lâm Đồng 200g', category: 'Thực phẩm', brand: 'Cầu Đất', price: 160000, cost: 90000, weightG: 230, vat: '5' },
  { name: 'Hạt điều rang muối 500g', category: 'Thực phẩm', brand: 'Vinamit', price: 215000, cost: 140000, weightG: 530, vat: '5' },
  { name: 'Mật ong hoa cà phê 500ml', category: 'Thực phẩm', brand: 'Honimore', price: 189000, cost: 110000, weightG: 700, vat: '5' },
  { name: 'Bánh pía sầu riêng hộp 4 cái', category: 'Thực phẩm', brand: 'Tân Huê Viên', price: 99000, cost: 55000, weightG: 450, vat: '5' },
  { name: 'Sổ tay bìa da A5', category: 'Văn phòng phẩm', brand: 'Hồng Hà', price: 89000, cost: 35000, weightG: 300, colours: ['Nâu', 'Đen', 'Xanh'] },
  { name: 'Bút bi Thiên Long hộp 20 cây', category: 'Văn phòng phẩm', brand: 'Thiên Long', price: 65000, cost: 38000, weightG: 250 },
  { name: 'Sách "Đắc nhân tâm"', category: 'Sách', brand: 'First News', price: 86000, cost: 52000, weightG: 350, vat: 'KCT' },
  { name: 'Sách "Nhà giả kim"', category: 'Sách', brand: 'Nhã Nam', price: 79000, cost: 48000, weightG: 250, vat: 'KCT' },
  { name: 'Thảm tập yoga TPE 6mm', category: 'Thể thao', brand: 'Adidas', price: 420000, cost: 200000, weightG: 1000, colours: ['Tím', 'Xanh ngọc'] },
  { name: 'Dây nhảy thể lực', category: 'Thể thao', brand: 'Kamito', price: 85000, cost: 30000, weightG: 200 },
  { name: 'Tất cổ ngắn combo 5 đôi', category: 'Thời trang nam', brand: 'Coolmate', price: 99000, cost: 40000, weightG: 150, sizes: ['M', 'L'] },
  { name: 'Mũ lưỡi trai kaki', category: 'Phụ kiện thời trang', brand: 'Routine', price: 159000, cost: 60000, weightG: 120, colours: ['Đen', 'Be', 'Trắng'] },
  { name: 'Kính râm gọng vuông', category: 'Phụ kiện thời trang', brand: 'Owen', price: 250000, cost: 90000, weightG: 80, colours: ['Đen'] },
  { name: 'Đồng hồ dây da nữ', category: 'Phụ kiện thời trang', brand: 'Julius', price: 690000, cost: 330000, weightG: 150, colours: ['Nâu', 'Đen'] },
];

/**
 * Demo buyers live in the demo geography (the places both carrier simulators serve); `legacyOnly`
 * buyers gave an old three-level address, as marketplace exports still do for months after a reform.
 */
export const DEMO_CUSTOMERS: { name: string; phone: string; place: string; legacyOnly?: boolean }[] = [
  { name: 'Nguyễn Thị Lan', phone: '0912345678', place: 'hcm-ben-thanh' },
  { name: 'Trần Văn Hùng', phone: '0983456789', place: 'hn-thanh-xuan' },
  { name: 'Lê Thị Thu Trang', phone: '0356789012', place: 'dn-hai-chau' },
  { name: 'Phạm Minh Tuấn', phone: '0708123456', place: 'ct-an-khanh', legacyOnly: true },
  { name: 'Hoàng Thị Ngọc Ánh', phone: '0867234567', place: 'hp-gia-vien' },
  { name: 'Võ Đức Thắng', phone: '0938765432', place: 'hcm-xuan-hoa' },
  { name: 'Đặng Thị Hồng Nhung', phone: '0389012345', place: 'hue-thuan-hoa' },
  { name: 'Bùi Quang Huy', phone: '0776543210', place: 'kh-nha-trang' },
  { name: 'Đỗ Thị Kim Oanh', phone: '0918273645', place: 'na-vinh-phu', legacyOnly: true },
  { name: 'Ngô Thanh Tâm', phone: '0967891234', place: 'hcm-tan-dinh' },
  { name: 'Dương Văn Phúc', phone: '0845612378', place: 'hcm-ban-co' },
  { name: 'Lý Thị Mỹ Duyên', phone: '0329876543', place: 'ag-long-xuyen' },
];

/**
 * Products the demo Shopee shops also list, under the SKUs Shopee carries (main/simulators/shopee/demo-defaults.ts),
 * so their orders find the variant on arrival. The Bát Tràng dinner set (BD-BATTRANG-6/-10) is left out on
 * purpose: its orders wait in "Cần ghép SKU" (needs mapping) until someone maps it.
 */
export const DEMO_SHOPEE_MATCHED: { name: string; sku: string; category: string; brand: string; price: number; cost: number; weightG: number; variants: { sku: string; colour?: string; size?: string }[] }[] = [
  {
    name: 'Áo thun cotton basic unisex', sku: 'AT-BASIC', category: 'Thời trang nam', brand: 'Packdesk Home', price: 129000, cost: 52000, weightG: 250,
    variants: [
      { sku: 'AT-BASIC-TRANG-M', colour: 'Trắng', size: 'M' }, { sku: 'AT-BASIC-TRANG-L', colour: 'Trắng', size: 'L' },
      { sku: 'AT-BASIC-DEN-M', colour: 'Đen', size: 'M' }, { sku: 'AT-BASIC-DEN-L', colour: 'Đen', size: 'L' },
    ],
  },
  { name: 'Cà phê phin Robusta Buôn Ma Thuột 500g', sku: 'CF-ROB', category: 'Thực phẩm', brand: 'Packdesk Home', price: 165000, cost: 95000, weightG: 550, variants: [{ sku: 'CF-ROB-500' }] },
  { name: 'Nón lá Huế thêu hoa sen', sku: 'NL', category: 'Phụ kiện thời trang', brand: 'Packdesk Home', price: 85000, cost: 30000, weightG: 300, variants: [{ sku: 'NL-HUE' }] },
];
